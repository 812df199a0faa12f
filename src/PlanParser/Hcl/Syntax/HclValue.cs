using System.Globalization;

namespace Kalc.Iac.PlanParser.Hcl.Syntax;

public enum HclValueKind
{
    Null,
    Bool,
    Number,
    String,
}

/// <summary>A literal value. Numbers keep their source text (HCL numbers are arbitrary-precision decimals).</summary>
public sealed record HclValue(HclValueKind Kind, string Text)
{
    public static readonly HclValue Null = new(HclValueKind.Null, "null");
    public static readonly HclValue True = new(HclValueKind.Bool, "true");
    public static readonly HclValue False = new(HclValueKind.Bool, "false");

    public static HclValue String(string text) => new(HclValueKind.String, text);

    public static HclValue Number(string text) => new(HclValueKind.Number, text);

    public bool IsTrue => Kind == HclValueKind.Bool && Text == "true";

    public double AsDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
