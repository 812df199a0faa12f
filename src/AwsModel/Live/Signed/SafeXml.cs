using System.Xml;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>Reader settings for untrusted XML replies: no DTDs, no external entities, bounded size.</summary>
public static class SafeXml
{
    public static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 512L * 1024 * 1024,
    };
}
