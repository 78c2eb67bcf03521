resource "fusionauth_api_key" "example" {
  tenant_id   = "94f751c5-4883-4684-a817-6b106778edec"
  description = "my super secret key"
  key         = "super-secret-key"
  permissions_endpoints = [
    {
      endpoint = "/api/application"
      get      = true
      post     = true
      put      = true
      patch    = true
      delete   = true
    }
  ]
}
