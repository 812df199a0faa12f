using Sprache;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>Sprache's input over an HCL file. Unlike Sprache's own, it can jump ahead by a whole token
/// (<see cref="At"/>) and works out line and column only when asked, from the file's line table.</summary>
internal sealed class HclInput : IInput
{
    private Dictionary<object, object>? memos;

    public HclInput(HclSourceText text, int position)
    {
        SourceText = text;
        Position = position;
    }

    public HclSourceText SourceText { get; }

    public string Source => SourceText.Text;

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= Source.Length;

    public int Line => SourceText.Position(Position).Line;

    public int Column => SourceText.Position(Position).Column;

    public IDictionary<object, object> Memos => memos ??= [];

    public IInput Advance() => AtEnd ? throw new InvalidOperationException("The input is already at the end of the source.") : new HclInput(SourceText, Position + 1);

    public HclInput At(int position) => position == Position ? this : new HclInput(SourceText, position);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput i && Equals(i);

    public override int GetHashCode() => HashCode.Combine(Source, Position);

    public override string ToString() => $"Line {Line}, Column {Column}";
}
