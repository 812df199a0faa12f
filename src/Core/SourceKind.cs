namespace Kalc.Iac.Core;

/// <summary>What a <see cref="SourceRef"/> points at.</summary>
public enum SourceKind
{
    /// <summary>A file or stream kalc-iac read: a plan, a state dump, a manifest, an inventory (or a live API call's document).</summary>
    Input,

    /// <summary>Published documentation or upstream source, by URL.</summary>
    Reference,

    /// <summary>One of kalc-iac's own catalogs (components, requirements, resource types).</summary>
    Catalog,

    /// <summary>kalc-iac's own evaluation of the inputs (e.g. the IAM evaluator's decision).</summary>
    Analysis,
}
