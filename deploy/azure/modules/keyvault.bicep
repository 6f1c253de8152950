// The Key Vault (RBAC, no access policies) and the secrets the operator passes in. Secrets the other modules derive
// (the PostgreSQL connection string, the Redis configuration) are written by those modules.

param location string
param keyVaultName string

@secure()
@description('Client secret of the bot app registration (SingleTenant only); empty: not stored')
param botAppPassword string

@secure()
@description('Secret of the app\'s own Direct Line endpoint (DirectLine:Secret); empty: not stored')
param directLineSecret string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    publicNetworkAccess: 'Enabled'
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource directLine 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: 'directline-secret'
  properties: { value: directLineSecret }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
