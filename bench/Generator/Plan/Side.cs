namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>Which half of a change's values is being written.</summary>
internal enum Side
{
    Before,
    After,
}
