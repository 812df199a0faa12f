using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Hcl.Syntax;

/// <summary>The contents of a file or of a block: attributes and blocks, in source order.</summary>
public sealed record HclBody(ImmutableArray<HclAttribute> Attributes, ImmutableArray<HclBlock> Blocks, HclRange Range)
{
    public HclAttribute? Attribute(string name)
    {
        foreach (var a in Attributes)
            if (a.Name == name) return a;
        return null;
    }

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);
}

/// <summary><c>name = expression</c>.</summary>
public sealed record HclAttribute(string Name, HclRange NameRange, HclExpression Expression)
{
    public HclRange Range => HclRange.Between(NameRange, Expression.Range);
}

/// <summary><c>type "label" ... { body }</c>.</summary>
public sealed record HclBlock(string Type, HclRange TypeRange, ImmutableArray<HclLabel> Labels, HclBody Body, HclRange Range);

/// <summary>A block label: a quoted string or an identifier.</summary>
public sealed record HclLabel(string Value, HclRange Range);

/// <summary>One parsed file: its body and its text (for line numbers and source lines).</summary>
public sealed record HclFile(HclSourceText Source, HclBody Body)
{
    public string Path => Source.File;
}
