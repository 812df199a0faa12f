cluster_name = "dev-eu"
