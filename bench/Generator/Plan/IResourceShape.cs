using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>How one resource type looks in a plan: its attributes before and after, what is unknown until
/// apply, what is sensitive, and which attribute forces a replacement.</summary>
internal interface IResourceShape
{
    /// <summary>Base of the resource name in the address (the part after the type).</summary>
    string Name { get; }

    /// <summary>count resources get a number index, for_each resources a string key.</summary>
    bool UsesCount { get; }

    /// <summary>Attributes known only after apply when the resource is created.</summary>
    string[] UnknownOnCreate { get; }

    /// <summary>Attribute that forces replacement, for replace_paths.</summary>
    string ReplacePath { get; }

    /// <summary>Attributes Terraform marks sensitive (their values are in the plan, marked, never to be printed).</summary>
    string[] Sensitive { get; }

    /// <summary>Writes the attribute object. <paramref name="changed"/> is true for the after side of an update or replace.
    /// Like Terraform, attributes unknown until apply are left out of the after object (after_unknown marks them).</summary>
    void WriteValues(Utf8JsonWriter w, Scenario scenario, int i, Side side, bool changed);
}
