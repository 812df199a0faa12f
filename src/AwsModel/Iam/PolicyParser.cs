using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Reads IAM policy JSON (text, URL-encoded text as IAM's API returns it, or an already parsed
/// element) into a <see cref="PolicyDocument"/>. Anything AWS would reject (unknown elements, a bad
/// Effect, Action and NotAction together, non-string values...) is an error naming the element.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html</summary>
public static class PolicyParser
{
    private static readonly HashSet<string> StatementElements =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private static readonly HashSet<string> PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    public static ParseResult<PolicyDocument> Parse(string text, string source) =>
        ParseResult<PolicyDocument>.Catch(source, () =>
        {
            var json = text.TrimStart('\uFEFF').Trim();
            if (json.Length == 0) throw Error(source, "empty policy document");
            if (json.StartsWith("%7B", StringComparison.OrdinalIgnoreCase)) json = Uri.UnescapeDataString(json);
            using var doc = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
            return Read(doc.RootElement, source);
        });

    /// <summary>Policy bytes as saved by users or tools: UTF-8 with or without BOM, UTF-16/32 with BOM.</summary>
    public static ParseResult<PolicyDocument> Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = ParseResult<string>.Catch(source, () => InputText.Decode(bytes, source));
        return text.IsOk ? Parse(text.Value, source) : ParseResult<PolicyDocument>.Fail(text.Error);
    }

    public static ParseResult<PolicyDocument> Parse(JsonElement element, string source) =>
        element.ValueKind == JsonValueKind.String
            ? Parse(element.GetString()!, source)
            : ParseResult<PolicyDocument>.Catch(source, () => Read(element, source));

    private static PolicyDocument Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error(source, "a policy must be a JSON object");
        string version = PolicyDocument.Version2008;
        string? id = null;
        JsonElement? statement = null;
        foreach (var prop in root.EnumerateObject())
        {
            switch (prop.Name)
            {
                case "Version":
                    version = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString()! : throw Error(source, "Version must be a string");
                    if (version is not (PolicyDocument.Version2012 or PolicyDocument.Version2008))
                        throw Error(source, $"Version '{version}' is not 2012-10-17 or 2008-10-17");
                    break;
                case "Id":
                    id = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : throw Error(source, "Id must be a string");
                    break;
                case "Statement":
                    statement = prop.Value;
                    break;
                default:
                    throw Error(source, $"unknown policy element '{prop.Name}'");
            }
        }
        if (statement is not { } st) throw Error(source, "policy has no Statement");
        var variables = version == PolicyDocument.Version2012;
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        if (st.ValueKind == JsonValueKind.Object)
        {
            statements.Add(ReadStatement(st, 0, variables, source));
        }
        else if (st.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var s in st.EnumerateArray()) statements.Add(ReadStatement(s, i++, variables, source));
        }
        else
        {
            throw Error(source, "Statement must be an object or an array of objects");
        }
        return new PolicyDocument { Version = version, Id = id, Statements = statements.ToImmutable() };
    }

    private static PolicyStatement ReadStatement(JsonElement s, int index, bool variables, string source)
    {
        var where = $"Statement[{index}]";
        if (s.ValueKind != JsonValueKind.Object) throw Error(source, $"{where} must be an object");
        string? sid = null;
        Effect? effect = null;
        ActionElement? action = null;
        ResourceElement? resource = null;
        PrincipalElement? principal = null;
        var conditions = ImmutableArray<ConditionClause>.Empty;
        foreach (var prop in s.EnumerateObject())
        {
            var name = prop.Name;
            var at = $"{where}.{name}";
            if (!StatementElements.Contains(name)) throw Error(source, $"{where}: unknown statement element '{name}'");
            switch (name)
            {
                case "Sid":
                    sid = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() : throw Error(source, $"{at} must be a string");
                    break;
                case "Effect":
                    effect = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() switch
                    {
                        "Allow" => Effect.Allow,
                        "Deny" => Effect.Deny,
                        var other => throw Error(source, $"{at} is '{other}', not 'Allow' or 'Deny'"),
                    } : throw Error(source, $"{at} must be a string");
                    break;
                case "Action" or "NotAction":
                    if (action is not null) throw Error(source, $"{where} has both Action and NotAction");
                    action = new ActionElement(ReadStrings(prop.Value, at, source), name == "NotAction");
                    break;
                case "Resource" or "NotResource":
                    if (resource is not null) throw Error(source, $"{where} has both Resource and NotResource");
                    resource = new ResourceElement(ReadStrings(prop.Value, at, source), name == "NotResource", variables);
                    break;
                case "Principal" or "NotPrincipal":
                    if (principal is not null) throw Error(source, $"{where} has both Principal and NotPrincipal");
                    principal = ReadPrincipal(prop.Value, name == "NotPrincipal", at, source);
                    break;
                default:
                    conditions = ReadConditions(prop.Value, variables, at, source);
                    break;
            }
        }
        if (effect is not { } e) throw Error(source, $"{where} has no Effect");
        if (action is null) throw Error(source, $"{where} has no Action or NotAction");
        return new PolicyStatement
        {
            Index = index,
            Sid = sid,
            Effect = e,
            Action = action,
            Resource = resource,
            Principal = principal,
            Conditions = conditions,
        };
    }

    private static PrincipalElement ReadPrincipal(JsonElement value, bool isNot, string at, string source)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() == "*"
                ? new PrincipalElement { IsEveryone = true, IsNot = isNot }
                : throw Error(source, $"{at} must be \"*\" or an object of principal types");
        }
        if (value.ValueKind != JsonValueKind.Object) throw Error(source, $"{at} must be \"*\" or an object of principal types");
        var byType = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>();
        foreach (var prop in value.EnumerateObject())
        {
            if (!PrincipalTypes.Contains(prop.Name)) throw Error(source, $"{at}: unknown principal type '{prop.Name}'");
            byType[prop.Name] = ReadStrings(prop.Value, $"{at}.{prop.Name}", source);
        }
        var everyone = byType.TryGetValue("AWS", out var aws) && aws.Contains("*");
        return new PrincipalElement { IsEveryone = everyone, IsNot = isNot, ByType = byType.ToImmutable() };
    }

    private static ImmutableArray<ConditionClause> ReadConditions(JsonElement value, bool variables, string at, string source)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Error(source, $"{at} must be an object of operators");
        var clauses = ImmutableArray.CreateBuilder<ConditionClause>();
        foreach (var op in value.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
                throw Error(source, $"{at}.{op.Name} must be an object of condition keys");
            var parsed = ConditionOperator.Parse(op.Name);
            var ignoreCase = parsed.Base is BaseOperator.StringEqualsIgnoreCase or BaseOperator.StringNotEqualsIgnoreCase;
            foreach (var key in op.Value.EnumerateObject())
            {
                var raw = ReadConditionValues(key.Value, $"{at}.{op.Name}.{key.Name}", source);
                clauses.Add(new ConditionClause
                {
                    Operator = parsed,
                    Key = key.Name,
                    Values = raw.Select(v => new PolicyValue(v, variables, ignoreCase)).ToImmutableArray(),
                });
            }
        }
        return clauses.ToImmutable();
    }

    /// <summary>Condition values may be strings, numbers or booleans (AWS compares their text).</summary>
    private static ImmutableArray<string> ReadConditionValues(JsonElement value, string at, string source)
    {
        static string? Scalar(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
        if (value.ValueKind == JsonValueKind.Array)
        {
            var list = ImmutableArray.CreateBuilder<string>();
            foreach (var e in value.EnumerateArray())
                list.Add(Scalar(e) ?? throw Error(source, $"{at} must hold strings, numbers or booleans"));
            if (list.Count == 0) throw Error(source, $"{at} is an empty array");
            return list.ToImmutable();
        }
        return [Scalar(value) ?? throw Error(source, $"{at} must be a string, number, boolean or an array of them")];
    }

    private static ImmutableArray<string> ReadStrings(JsonElement value, string at, string source)
    {
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array) throw Error(source, $"{at} must be a string or an array of strings");
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var e in value.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String) throw Error(source, $"{at} must hold only strings");
            list.Add(e.GetString()!);
        }
        if (list.Count == 0) throw Error(source, $"{at} is an empty array");
        return list.ToImmutable();
    }

    private static InputException Error(string source, string reason) => new(new InputError(source, reason));
}
