provider "infra" {
  server_url = "https://api.infrahq.com"
  # token is read from INFRA_TOKEN when unset
}
