namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>The wire protocols of the services we call without their SDK packages.</summary>
public enum AwsProtocol
{
    /// <summary>awsQuery: IAM, STS, Auto Scaling. Errors as &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;.</summary>
    Query,

    /// <summary>ec2Query. Errors as &lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;.</summary>
    Ec2Query,

    /// <summary>restJson1: EKS. Error type in x-amzn-ErrorType, __type or code.</summary>
    RestJson,
}
