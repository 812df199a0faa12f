cluster_name   = "prod-eu"
# Copied from the IPv6 cluster's settings: this cluster is IPv4.
cni_policy_arn = "arn:aws:iam::123456789012:policy/AmazonEKS_CNI_IPv6_Policy"
