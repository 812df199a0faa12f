namespace Kalc.Iac.PlanParser.Model;

/// <summary>A module call as a JSON plan's <c>configuration</c> lists it (<c>root_module.module_calls.NAME</c>, nested
/// through <c>module.module_calls</c>): its call path (<c>platform.external_dns_irsa</c>), source and version
/// constraint. The plan gives no file positions; the configuration on disk does.
/// https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation</summary>
public sealed record PlanModuleCall(string Key, string Source, string? VersionConstraint);
