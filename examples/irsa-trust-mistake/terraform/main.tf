# The user's configuration: external-dns's IRSA role comes from the registry module
# terraform-aws-modules/iam (installed by `terraform init` under .terraform/modules).
module "external_dns_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "5.30.0"

  role_name                     = "${var.cluster_name}-external-dns"
  attach_external_dns_policy    = true
  external_dns_hosted_zone_arns = ["arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"]

  oidc_providers = {
    main = {
      provider_arn = var.oidc_provider_arn
      # The mistake: external-dns runs in namespace external-dns, not kube-system.
      namespace_service_accounts = ["kube-system:external-dns"]
    }
  }
}
