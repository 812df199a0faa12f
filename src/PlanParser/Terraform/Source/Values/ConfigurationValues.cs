using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>A value the configuration gives an attribute of a resource instance, where it is written, and which
/// variable values (and where each came from) it was computed from.</summary>
public sealed record ConfiguredValue(PlanValue Value, SourceSite Site, string Expression, ImmutableArray<ValueOrigin> Origins);

/// <summary>Evaluates the attributes a configuration sets on a resource instance, the way Terraform would with the same
/// variable values: root variables from <see cref="RootVariableValues"/> (else their defaults), a module's variables
/// from the arguments of the <c>module</c> block that calls it (evaluated in the caller; else their defaults),
/// <c>local.*</c>, <c>count.index</c> / <c>each.key</c> / <c>each.value</c> from the instance key in the address, and
/// <c>TYPE.NAME.ATTR</c> from the attribute the other resource's block sets. Values known only after apply (computed
/// attributes, data sources) are unknown; a sensitive variable keeps everything it reaches sensitive.</summary>
public sealed class ConfigurationValues(TerraformConfiguration configuration, RootVariableValues roots)
{
    private const int MaxDepth = 48;

    private sealed record ModuleScope(TerraformModule Module, ModuleScope? Parent, ModuleCall? Call, string? CallKey);

    /// <summary>What a reference is evaluated against: a module instance and, inside a resource or module block with
    /// count/for_each, that block and the instance key.</summary>
    private sealed record Frame(ModuleScope Scope, HclBlock? Repeated, string? Key);

    /// <summary>The value the configuration gives <paramref name="attribute"/> of the resource instance at
    /// <paramref name="address"/>; null when the address is not declared in the configuration or the block does not
    /// set that attribute.</summary>
    public ConfiguredValue? Attribute(string address, string attribute)
    {
        if (ConfigurationAddress.Parse(address) is not { Resource: { } resource } a) return null;
        var scope = new ModuleScope(configuration.Root, null, null, null);
        for (var i = 0; i < a.Modules.Length; i++)
        {
            if (!scope.Module.Calls.TryGetValue(a.Modules[i], out var call) || configuration.ModuleAt(call.ChildDirectory) is not { } child) return null;
            scope = new ModuleScope(child, scope, call, i < a.ModuleKeys.Length ? a.ModuleKeys[i] : null);
        }
        if (!scope.Module.Resources.TryGetValue(resource, out var declared) || declared.Node.Body.Attribute(attribute) is not { } attr) return null;
        var origins = new List<ValueOrigin>();
        var value = new Run(this, origins).Eval(attr.Expression, new Frame(scope, declared.Node, a.ResourceKey), 0);
        return new ConfiguredValue(value, TerraformConfiguration.Site(declared.File, attr.Range), declared.File.Source.Slice(attr.Range),
            [.. origins.Distinct()]);
    }

    /// <summary>One evaluation: collects the origins of the root values it reads.</summary>
    private sealed class Run(ConfigurationValues owner, List<ValueOrigin> origins)
    {
        private readonly HashSet<(string, string)> visiting = [];

        public PlanValue Eval(HclExpression e, Frame frame, int depth)
        {
            if (depth > MaxDepth) return PlanValue.Unknown;
            return new ExpressionEvaluator((string root, IReadOnlyList<TraversalStep> steps, out int consumed) => Resolve(root, steps, frame, depth + 1, out consumed)).Evaluate(e);
        }

        private PlanValue? Resolve(string root, IReadOnlyList<TraversalStep> steps, Frame frame, int depth, out int consumed)
        {
            consumed = 1;
            var first = steps.Count > 0 ? steps[0].Name : null;
            switch (root)
            {
                case "var" when first is not null:
                    return Variable(frame.Scope, first, depth);
                case "local" when first is not null:
                    return Local(frame.Scope, first, depth);
                case "count" when first == "index" && frame.Repeated?.Body.Attribute("count") is not null:
                    return int.TryParse(frame.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? new PlanNumber(frame.Key!) : PlanValue.Unknown;
                case "each" when first == "key" && frame.Repeated?.Body.Attribute("for_each") is not null:
                    return KeyText(frame.Key) is { } key ? new PlanString(key) : PlanValue.Unknown;
                case "each" when first == "value" && frame.Repeated?.Body.Attribute("for_each") is { } forEach:
                    if (KeyText(frame.Key) is not { } k) return PlanValue.Unknown;
                    var collection = Eval(forEach.Expression, frame with { Repeated = null, Key = null }, depth);
                    return collection is PlanList ? new PlanString(k) : ExpressionEvaluator.Step(collection, new TraversalStep(null, new PlanString(k)));
                case "module" when first is not null:
                    return ModuleOutput(frame.Scope, first, steps, depth, out consumed);
                case "var" or "local" or "count" or "each" or "data" or "module" or "path" or "terraform" or "self":
                    consumed = 0;
                    return null;
            }
            return first is null ? null : ResourceAttribute(frame.Scope, $"{root}.{first}", steps, depth, out consumed);
        }

        /// <summary>For a block with <c>count</c> or <c>for_each</c>, the instance key the traversal gives after the name
        /// (<c>[0]</c>, <c>["a"]</c>, as the plan address writes it), and where the steps go on; false when it gives none.</summary>
        private static bool InstanceKey(HclBody body, IReadOnlyList<TraversalStep> steps, out string? key, out int next)
        {
            (key, next) = (null, 1);
            if (body.Attribute("count") is null && body.Attribute("for_each") is null) return true;
            if (steps.Count <= next || steps[next].Key is not { } k || k.AsString() is not { } ks) return false;
            key = k is PlanString ? JsonSerializer.Serialize(ks, KeyJson.Default.String) : ks;
            next++;
            return true;
        }

        /// <summary><c>TYPE.NAME.ATTR</c> or <c>TYPE.NAME[KEY].ATTR</c>: the attribute as the other block sets it.</summary>
        private PlanValue? ResourceAttribute(ModuleScope scope, string resource, IReadOnlyList<TraversalStep> steps, int depth, out int consumed)
        {
            consumed = 0;
            if (!scope.Module.Resources.TryGetValue(resource, out var declared)) return null;
            if (!InstanceKey(declared.Node.Body, steps, out var key, out var at)) return null;
            if (steps.Count <= at || steps[at].Name is not { } attribute || declared.Node.Body.Attribute(attribute) is not { } attr) return null;
            if (!visiting.Add((declared.File.Path, $"{resource}[{key}].{attribute}"))) return PlanValue.Unknown;
            consumed = at + 1;
            var value = Eval(attr.Expression, new Frame(scope, declared.Node, key), depth);
            visiting.Remove((declared.File.Path, $"{resource}[{key}].{attribute}"));
            return value;
        }

        /// <summary><c>module.NAME.OUTPUT</c> or <c>module.NAME[KEY].OUTPUT</c>: the output's value evaluated in that module.</summary>
        private PlanValue? ModuleOutput(ModuleScope scope, string name, IReadOnlyList<TraversalStep> steps, int depth, out int consumed)
        {
            consumed = 0;
            if (!scope.Module.Calls.TryGetValue(name, out var call) || owner.Configuration.ModuleAt(call.ChildDirectory) is not { } child) return null;
            if (!InstanceKey(call.Block.Node.Body, steps, out var key, out var at)) return null;
            if (steps.Count <= at || steps[at].Name is not { } output || !child.Outputs.TryGetValue(output, out var declared)
                || declared.Node.Body.Attribute("value") is not { } value) return null;
            if (declared.Node.Body.Attribute("sensitive")?.Expression is HclLiteral { Value.IsTrue: true })
            {
                consumed = at + 1;
                return PlanValue.Sensitive;
            }
            var visit = (child.Directory, $"module.{name}[{key}].{output}");
            if (!visiting.Add(visit)) return PlanValue.Unknown;
            consumed = at + 1;
            var result = Eval(value.Expression, new Frame(new ModuleScope(child, scope, call, key), null, null), depth);
            visiting.Remove(visit);
            return result;
        }

        private PlanValue Local(ModuleScope scope, string name, int depth)
        {
            if (!scope.Module.Locals.TryGetValue(name, out var local)) return PlanValue.Unknown;
            if (!visiting.Add((scope.Module.Directory, "local." + name))) return PlanValue.Unknown;
            var value = Eval(local.Node.Expression, new Frame(scope, null, null), depth);
            visiting.Remove((scope.Module.Directory, "local." + name));
            return value;
        }

        private PlanValue Variable(ModuleScope scope, string name, int depth)
        {
            scope.Module.Variables.TryGetValue(name, out var declared);
            if (declared?.Node.Body.Attribute("sensitive")?.Expression is HclLiteral { Value.IsTrue: true }) return PlanValue.Sensitive;
            PlanValue? value = null;
            if (scope.Call is { } call && scope.Parent is { } parent)
            {
                if (call.Block.Node.Body.Attribute(name) is { } argument)
                    value = Eval(argument.Expression, new Frame(parent, call.Block.Node, scope.CallKey), depth);
            }
            else if (owner.RootValue(name) is { } given)
            {
                origins.Add(given.Origin);
                value = given.Value;
            }
            // A null argument keeps the default only for a variable declared nullable = false (Terraform's rule).
            var notNullable = declared?.Node.Body.Attribute("nullable")?.Expression is HclLiteral { Value.Kind: HclValueKind.Bool, Value.IsTrue: false };
            if ((value is null || (value is PlanNull && notNullable)) && declared?.Node.Body.Attribute("default") is { } d)
            {
                var site = TerraformConfiguration.Site(declared.File, d.Range);
                origins.Add(new ValueOrigin("var." + name, $"its default at {site.File}:{site.Line}", site.File, site.Line));
                value = ExpressionEvaluator.Constant.Evaluate(d.Expression);
            }
            if (value is null) return PlanValue.Unknown;
            return declared is not null && IsStringType(declared.Node) && value is PlanNumber or PlanBool ? new PlanString(value.AsString()!) : value;
        }

        private static bool IsStringType(HclBlock variable) => variable.Body.Attribute("type")?.Expression is HclVariable { Name: "string" };

        /// <summary>An instance key as the address prints it (<c>"a"</c> or <c>0</c>) as the text each.key gives.</summary>
        private static string? KeyText(string? key)
        {
            if (key is null) return null;
            if (!key.StartsWith('"')) return key;
            try
            {
                return JsonSerializer.Deserialize(key, KeyJson.Default.String);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private TerraformConfiguration Configuration => configuration;

    private RootVariableValue? RootValue(string name) => roots.Values.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Source-generated JSON for instance keys (the CLI is trimmed and AOT-compiled).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class KeyJson : System.Text.Json.Serialization.JsonSerializerContext;
