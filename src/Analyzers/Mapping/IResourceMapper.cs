using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping;

/// <summary>Maps the plan changes of one resource type onto a typed <see cref="MappedChange"/>.</summary>
public interface IResourceMapper
{
    /// <summary>Terraform resource type, e.g. <c>aws_iam_instance_profile</c>.</summary>
    string ResourceType { get; }

    /// <summary>The top-level attributes it reads: the plan reader materialises only these.</summary>
    IReadOnlyList<string> Attributes { get; }

    MappedChange Map(ResourceChange change);
}
