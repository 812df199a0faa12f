namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>The <c>&lt;&lt;-</c> rule (hclsyntax parser_template.go, flushHeredocTemplateParts): find the line with the fewest
/// leading whitespace characters and remove that many from every line. Lines that are only whitespace do not count,
/// and a line that starts with an interpolation counts as zero. Applied to the literal tokens, before they are joined,
/// so interpolated text cannot change it.</summary>
internal static class HeredocIndentation
{
    public static void Remove(List<TemplateToken> tokens)
    {
        var min = int.MaxValue;
        var newline = true;
        var adjust = new List<LiteralToken>();
        foreach (var token in tokens)
        {
            if (newline)
            {
                newline = false;
                var spaces = 0;
                if (token is LiteralToken lit)
                {
                    var trimmed = lit.Value.TrimStart();
                    if (trimmed.Length == 0 && lit.Value.EndsWith('\n')) spaces = int.MaxValue;
                    else
                    {
                        spaces = lit.Value.Length - trimmed.Length;
                        adjust.Add(lit);
                    }
                }
                if (spaces < min) min = spaces;
            }
            if (token is LiteralToken l && l.Value.EndsWith('\n')) newline = true;
        }
        if (min == int.MaxValue) return;
        foreach (var lit in adjust)
        {
            var cut = Math.Min(min, lit.Value.Length);
            lit.Value = lit.Value[cut..];
            lit.Range = new HclRange(lit.Range.Start + cut, lit.Range.End);
        }
    }
}
