namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Three-valued truth: whether a statement or condition applies may be unknown when the
/// request does not say enough. Unknown never turns into true.</summary>
public enum Tri
{
    False,
    True,
    Unknown,
}

/// <summary>Kleene logic over <see cref="Tri"/>.</summary>
public static class TriLogic
{
    public static Tri And(Tri a, Tri b) =>
        a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    public static Tri Or(Tri a, Tri b) =>
        a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;

    public static Tri Not(Tri a) => a switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

    public static Tri Of(bool b) => b ? Tri.True : Tri.False;
}
