using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>The parts of IAM's reply shapes (botocore iam/2010-05-08 service model) the XML cannot say by itself.</summary>
public static class IamShape
{
    public const string Version = "2010-05-08";

    public static readonly QueryShape Shape = new()
    {
        Lists = QueryShape.Set(
            "RoleDetailList", "Policies", "UserDetailList", "GroupDetailList", "InstanceProfileList", "Roles",
            "RolePolicyList", "AttachedManagedPolicies", "Tags", "PolicyVersionList", "GroupList", "UserPolicyList",
            "GroupPolicyList", "ThumbprintList", "ClientIDList", "OpenIDConnectProviderList"),
        Numbers = QueryShape.Set("MaxSessionDuration", "AttachmentCount", "PermissionsBoundaryUsageCount"),
        Booleans = QueryShape.Set("IsDefaultVersion", "IsAttachable"),
        Documents = QueryShape.Set("AssumeRolePolicyDocument", "PolicyDocument", "Document"),
        Paging = QueryShape.Set("IsTruncated", "Marker"),
    };
}
