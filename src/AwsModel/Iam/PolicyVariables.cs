using System.Text;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Substitutes <c>${key}</c>, <c>${key, 'default'}</c> and the escapes <c>${*}</c>, <c>${?}</c>,
/// <c>${$}</c> from the request context.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html</summary>
public static class PolicyVariables
{
    public static bool Contains(string text) => text.Contains("${", StringComparison.Ordinal);

    public static (Tri State, string? Value) Substitute(string text, RequestContext request)
    {
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            sb.Append(text, i, start - i);
            var inner = text.Substring(start + 2, end - start - 2);
            var (state, value) = Resolve(inner, request);
            if (state != Tri.True) return (state, null);
            sb.Append(value);
            i = end + 1;
        }
        return (Tri.True, sb.ToString());
    }

    private static (Tri, string?) Resolve(string inner, RequestContext request)
    {
        if (inner is "*" or "?" or "$") return (Tri.True, inner);
        string key = inner.Trim();
        string? fallback = null;
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            key = inner[..comma].Trim();
            fallback = inner[(comma + 1)..].Trim().Trim('\'');
        }
        switch (request.Lookup(key, out var values))
        {
            case KeyState.Present when values.Length == 1:
                return (Tri.True, values[0]);
            case KeyState.Present:
                return (Tri.Unknown, null); // a multivalued key cannot be a variable
            case KeyState.Absent:
                return fallback is null ? (Tri.False, null) : (Tri.True, fallback);
            default:
                return (Tri.Unknown, null);
        }
    }
}
