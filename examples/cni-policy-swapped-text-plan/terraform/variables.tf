variable "cluster_name" {
  type = string
}

variable "cni_policy_arn" {
  type    = string
  default = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
}
