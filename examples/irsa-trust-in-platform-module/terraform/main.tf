# The user's root module calls a local module that holds the cluster's add-on identities.
module "platform" {
  source = "./modules/platform"

  cluster_name      = var.cluster_name
  oidc_provider_arn = var.oidc_provider_arn
}
