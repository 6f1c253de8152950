// Azure Cache for Redis: the agent console's SignalR backplane (Redis:Configuration), so a console on one replica sees
// what happens on the others. TLS only; the StackExchange.Redis configuration string (with the access key) goes into
// Key Vault, never into an output.

param location string
param cacheName string
param keyVaultName string

@allowed([ 'Basic', 'Standard', 'Premium' ])
param skuName string

@allowed([ 'C', 'P' ])
param skuFamily string

@minValue(0)
@maxValue(6)
param skuCapacity int

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: cacheName
  location: location
  properties: {
    sku: { name: skuName, family: skuFamily, capacity: skuCapacity }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource configuration 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'redis-configuration'
  properties: {
    value: '${cache.properties.hostName}:${cache.properties.sslPort},password=${cache.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

output name string = cache.name
output configurationSecretName string = configuration.name
