using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Text;

/// <summary>ANSI SGR colours, or nothing when colour is off. Only ever wraps text already passed through <see cref="SafeText"/>.</summary>
public sealed class Style(bool enabled)
{
    public string Bold(string s) => Sgr("1", s);

    public string Dim(string s) => Sgr("2", s);

    public string Red(string s) => Sgr("31", s);

    public string Green(string s) => Sgr("32", s);

    public string Yellow(string s) => Sgr("33", s);

    public string Severity(Severity severity, string s) => severity switch
    {
        Analyzers.Model.Severity.Critical => Sgr("1;31", s),
        Analyzers.Model.Severity.High => Sgr("31", s),
        Analyzers.Model.Severity.Medium => Sgr("33", s),
        Analyzers.Model.Severity.Low => Sgr("36", s),
        _ => Sgr("2", s),
    };

    public string Verdict(Verdict verdict, string s) => verdict switch
    {
        Analyzers.Model.Verdict.Safe => Sgr("1;32", s),
        Analyzers.Model.Verdict.Breaks => Sgr("1;31", s),
        _ => Sgr("1;33", s),
    };

    private string Sgr(string code, string s) => enabled && s.Length > 0 ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
