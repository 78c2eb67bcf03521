terraform import fusionauth_api_key.example "d3b2c1a0-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
