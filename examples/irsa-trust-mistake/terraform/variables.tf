variable "cluster_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}
