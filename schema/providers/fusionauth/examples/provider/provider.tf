provider "fusionauth" {
  server_url = "https://auth.example.com"
  # token is read from FUSIONAUTH_TOKEN when unset
}
