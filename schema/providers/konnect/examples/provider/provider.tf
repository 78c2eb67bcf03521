provider "konnect" {
  server_url = "https://global.api.konghq.com"
  # token is read from KONNECT_TOKEN when unset
}
