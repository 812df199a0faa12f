using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Tests.Hcl;

public sealed class HclParserTests
{
    private static HclFile Parse(string text)
    {
        var r = HclParser.Parse(text, "main.tf");
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    private static HclExpression Attr(string text, string name = "x") => Parse(text).Body.Attribute(name)!.Expression;

    /// <summary>Prints an expression's tree with explicit grouping, to check precedence and associativity.</summary>
    private static string Shape(HclExpression e) => e switch
    {
        HclBinary b => $"({Shape(b.Left)} {b.Operator} {Shape(b.Right)})",
        HclUnary u => $"({u.Operator} {Shape(u.Operand)})",
        HclConditional c => $"({Shape(c.Condition)} ? {Shape(c.TrueResult)} : {Shape(c.FalseResult)})",
        HclVariable v => v.Name,
        HclLiteral l => l.Value.Text,
        HclGetAttr g => $"{Shape(g.Source)}.{g.Name}",
        HclIndex i => $"{Shape(i.Source)}[{Shape(i.Key)}]",
        HclSplat s => $"splat({Shape(s.Source)}, {Shape(s.Each)})",
        HclSplatItem => "*",
        HclFunctionCall f => $"{f.Name}({string.Join(", ", f.Arguments.Select(Shape))}{(f.ExpandFinal ? "..." : "")})",
        HclParentheses p => Shape(p.Inner),
        _ => e.GetType().Name,
    };

    [Theory]
    [InlineData("x = a || b && c == d < e + f * g", "(a Or (b And (c Equal (d Less (e Add (f Multiply g))))))")]
    [InlineData("x = a * b + c", "((a Multiply b) Add c)")]
    [InlineData("x = a - b - c", "((a Subtract b) Subtract c)")]
    [InlineData("x = -46 + 5", "((Negate 46) Add 5)")]
    [InlineData("x = !a.b && c", "((Not a.b) And c)")]
    [InlineData("x = a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("x = a >= 1 != b <= 2", "((a GreaterOrEqual 1) NotEqual (b LessOrEqual 2))")]
    [InlineData("x = (a + b) * c", "((a Add b) Multiply c)")]
    [InlineData("x = a.b[0].c", "a.b[0].c")]
    [InlineData("x = a[*].b.c", "splat(a, *.b.c)")]
    [InlineData("x = a.*.b", "splat(a, *.b)")]
    [InlineData("x = a.0.b", "a[0].b")]
    [InlineData("x = f(a, b...)", "f(a, b...)")]
    [InlineData("x = provider::aws::arn_parse(a)", "provider::aws::arn_parse(a)")]
    [InlineData("x = f(\n  a,\n  b,\n)", "f(a, b)")]
    public void Operators_follow_HCLs_precedence_and_associativity(string source, string shape) =>
        Assert.Equal(shape, Shape(Attr(source)));

    [Fact]
    public void Every_node_carries_the_exact_range_of_its_source()
    {
        const string text = "resource \"aws_iam_role\" \"this\" {\n  name = \"${var.cluster}-role\"\n  count = var.create ? 1 : 0\n}\n";
        var file = Parse(text);
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal(["aws_iam_role", "this"], block.Labels.Select(l => l.Value));
        Assert.Equal((1, 1), file.Source.Position(block.Range.Start));
        Assert.Equal((4, 1), file.Source.Position(block.Range.End - 1));
        var name = block.Body.Attribute("name")!.Expression;
        Assert.Equal("\"${var.cluster}-role\"", file.Source.Slice(name.Range));
        var interpolation = Assert.IsType<HclGetAttr>(Assert.IsType<HclTemplate>(name).Parts[0]);
        Assert.Equal("var.cluster", file.Source.Slice(interpolation.Range));
        Assert.Equal((2, 13), file.Source.Position(interpolation.Range.Start));
        Assert.Equal("var.create ? 1 : 0", file.Source.Slice(block.Body.Attribute("count")!.Expression.Range));
        Assert.Equal("  count = var.create ? 1 : 0", file.Source.LineText(3));
    }

    [Fact]
    public void A_flush_heredoc_loses_its_common_indentation_and_strip_markers_eat_whitespace()
    {
        var t = Assert.IsType<HclTemplate>(Attr("x = <<-EOT\n    a\n      b ${~ v ~}   \n    c\n  EOT\n"));
        // As in hclsyntax, the strip marker empties the rest of its line before the indentation is measured, so the next
        // line is no longer at a line start and keeps its indentation.
        Assert.Equal(["a\n  b", "v", "    c\n"], t.Parts.Select(p => p is HclLiteral l ? l.Value.Text : Shape(p)));
        var plain = Assert.IsType<HclTemplate>(Attr("x = <<EOT\n  keep $${this} %%{too}\nEOT\n"));
        Assert.Equal("  keep ${this} %{too}\n", plain.LiteralText);
    }

    [Fact]
    public void Template_directives_nest_into_conditionals_and_joins()
    {
        var t = Assert.IsType<HclTemplate>(Attr("x = \"%{ if a }yes%{ else }no%{ endif }:%{ for k, v in m }${k}=${v},%{ endfor }\""));
        var c = Assert.IsType<HclConditional>(t.Parts[0]);
        Assert.Equal("yes", Assert.IsType<HclTemplate>(c.TrueResult).LiteralText);
        Assert.Equal("no", Assert.IsType<HclTemplate>(c.FalseResult).LiteralText);
        var join = Assert.IsType<HclTemplateJoin>(t.Parts[2]);
        Assert.Equal(("k", "v"), (join.For.KeyVariable, join.For.ValueVariable));
    }

    [Fact]
    public void Quoted_strings_decode_escapes_and_a_lone_interpolation_is_its_expression()
    {
        Assert.Equal("a\"b\\c\n\t\u00e9\U0001F600", Assert.IsType<HclTemplate>(Attr("x = \"a\\\"b\\\\c\\n\\t\\u00e9\\U0001F600\"")).LiteralText);
        Assert.IsType<HclVariable>(Assert.IsType<HclTemplateWrap>(Attr("x = \"${a}\"")).Wrapped);
    }

    [Fact]
    public void Objects_tuples_and_for_expressions_parse_across_lines()
    {
        var o = Assert.IsType<HclObject>(Attr("x = {\n  a = 1, b: 2\n  \"c\" = [\n    3,\n  ]\n  (var.k) = 4 # comment\n}\n"));
        Assert.Equal(["a", "b", "c", null], o.Items.Select(i => i.KeyName));
        var f = Assert.IsType<HclFor>(Attr("x = {\n  for k, v in m :\n  k => v... if v != null\n}\n"));
        Assert.True(f.IsObject && f.Grouping && f.Condition is not null);
        var t = Assert.IsType<HclFor>(Attr("x = [for s in list : upper(s)]"));
        Assert.Null(t.KeyVariable);
    }

    [Fact]
    public void All_three_comment_styles_are_skipped()
    {
        var body = Parse("# hash\n// slashes\n/* block\n spanning */ a = 1 /* inline */ # trailing\nb { /* x */ }\n").Body;
        Assert.Equal(["a"], body.Attributes.Select(a => a.Name));
        Assert.Equal(["b"], body.Blocks.Select(b => b.Type));
    }

    [Theory]
    [InlineData("a = 1\nb = \n", 2, 5)]
    [InlineData("block {\n  a = \"unterminated\n}\n", 2, 20)]
    [InlineData("a = 1 b = 2\n", 1, 7)]
    [InlineData("a = 1\na = 2\n", 2, 1)]
    [InlineData("x = { a = 1 b = 2 }\n", 1, 13)]
    [InlineData("x = \"${a\"\n", 1, 9)]
    [InlineData("x = <<EOT\nno end\n", 3, 1)]
    [InlineData("b \"${x}\" {}\n", 1, 3)]
    public void A_syntax_error_names_file_line_and_column(string text, int line, int column)
    {
        var r = HclParser.Parse(text, "dir/main.tf");
        Assert.False(r.IsOk);
        Assert.Equal(("dir/main.tf", line, column), (r.Error.File, r.Error.Line, r.Error.Column));
        Assert.StartsWith("invalid HCL: ", r.Error.Reason, StringComparison.Ordinal);
    }
}
