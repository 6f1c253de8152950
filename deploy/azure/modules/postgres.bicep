// Azure Database for PostgreSQL flexible server with the app's database. Public access limited to Azure services
// (the firewall rule 0.0.0.0, which is how Azure spells that) and TLS required: no VNet to set up.
// The connection string, with the password, goes straight into Key Vault: it is never an output.

param location string
param serverName string
param databaseName string
param keyVaultName string
param administratorLogin string

@secure()
param administratorPassword string

@description('Compute size, e.g. Standard_B1ms (Burstable), Standard_D2ds_v5 (GeneralPurpose)')
param skuName string

@allowed([ 'Burstable', 'GeneralPurpose', 'MemoryOptimized' ])
param skuTier string

param storageSizeGB int
param postgresVersion string
param backupRetentionDays int

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: postgresVersion
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    storage: { storageSizeGB: storageSizeGB }
    backup: { backupRetentionDays: backupRetentionDays, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${server.properties.fullyQualifiedDomainName};Database=${database.name};Username=${administratorLogin};Password=${administratorPassword};SSL Mode=Require'
  }
}

output serverName string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output connectionStringSecretName string = connectionString.name
