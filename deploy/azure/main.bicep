// SelfServiceBot on Azure, end to end, in one resource group:
//   az group create -n <rg> -l <region>
//   az deployment group create -g <rg> -f deploy/azure/main.bicep \
//     -p containerImage=<registry>/selfservicebot:<tag> postgresAdminPassword=<password>
// or with deploy/azure/main.bicepparam (secrets from environment variables). Creates: Container Apps (the app),
// PostgreSQL flexible server, Azure Cache for Redis, Key Vault (RBAC) with every secret, a user-assigned managed
// identity, Log Analytics + Application Insights, and the Azure Bot with the Teams and Direct Line channels.
// The bot is UserAssignedMSI by default: its app id is the managed identity's client id and no client secret exists.
// docs/azure.md lists what each parameter does and what to do after the deployment.

@description('Short base name of every resource: 2-10 lower-case letters or digits')
@minLength(2)
@maxLength(10)
param name string = 'ssbot'

param location string = resourceGroup().location

@description('The app\'s container image, e.g. myregistry.azurecr.io/selfservicebot:1.4.0 (built from deploy/Dockerfile)')
param containerImage string

@description('A container registry in this resource group the image is pulled from (the identity gets AcrPull); empty for a public image')
param containerRegistryName string = ''

@description('UserAssignedMSI: the managed identity is the bot, no secret. SingleTenant: an app registration (botAppId) and its secret (botAppPassword)')
@allowed([ 'UserAssignedMSI', 'SingleTenant' ])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app (client) id of the Entra ID app registration')
param botAppId string = ''

@secure()
@description('SingleTenant only: the client secret of botAppId, kept in Key Vault')
param botAppPassword string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams and Direct Line are unlimited) or S1')
@allowed([ 'F0', 'S1' ])
param botSku string = 'F0'

@description('The bot\'s name in the Azure portal and channels')
param botDisplayName string = 'SelfService Support'

@secure()
@description('Secret of the app\'s own Direct Line endpoint (DirectLine:Secret); empty: anyone who reaches the app gets a token (a public chat page)')
param directLineSecret string = ''

@description('Days a conversation\'s transcript and the customer\'s texts are kept (Database:ConversationRetentionDays); 0: for ever')
@minValue(0)
param conversationRetentionDays int = 90

param postgresAdminLogin string = 'selfservicebot'

@secure()
@description('Password of the PostgreSQL administrator; only Key Vault and the server ever hold it')
param postgresAdminPassword string

param postgresSkuName string = 'Standard_B1ms'

@allowed([ 'Burstable', 'GeneralPurpose', 'MemoryOptimized' ])
param postgresSkuTier string = 'Burstable'

@minValue(32)
param postgresStorageSizeGB int = 32

param postgresVersion string = '16'

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@allowed([ 'Basic', 'Standard', 'Premium' ])
param redisSkuName string = 'Basic'

@allowed([ 'C', 'P' ])
param redisSkuFamily string = 'C'

@minValue(0)
@maxValue(6)
param redisSkuCapacity int = 0

@description('Replicas always running; 1 keeps the bot answering without a cold start')
@minValue(0)
param minReplicas int = 1

@minValue(1)
param maxReplicas int = 3

@description('Concurrent HTTP requests (open Direct Line WebSockets included) per replica before another replica is added')
@minValue(1)
param concurrentRequestsPerReplica int = 100

@description('vCPU per replica as text (0.5, 1.0, 2.0); memory must match the pair Container Apps allows (0.5 -> 1Gi)')
param cpu string = '0.5'
param memory string = '1Gi'

@minValue(30)
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, name)
var tenantId = tenant().tenantId
// Names known before the deployment runs (not module outputs), so What-If can predict what the modules change.
var keyVaultName = take('kv-${name}-${suffix}', 24)
var logAnalyticsName = 'log-${name}-${suffix}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: logAnalyticsName
    appInsightsName: 'appi-${name}-${suffix}'
    retentionInDays: logRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    keyVaultName: keyVaultName
    botAppPassword: botAppType == 'SingleTenant' ? botAppPassword : ''
    directLineSecret: directLineSecret
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  dependsOn: [ keyVault ]
  params: {
    location: location
    identityName: 'id-${name}'
    keyVaultName: keyVaultName
    containerRegistryName: containerRegistryName
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  dependsOn: [ keyVault ]
  params: {
    location: location
    serverName: 'psql-${name}-${suffix}'
    databaseName: 'selfservicebot'
    keyVaultName: keyVaultName
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    postgresVersion: postgresVersion
    backupRetentionDays: postgresBackupRetentionDays
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  dependsOn: [ keyVault ]
  params: {
    location: location
    cacheName: 'redis-${name}-${suffix}'
    keyVaultName: keyVaultName
    skuName: redisSkuName
    skuFamily: redisSkuFamily
    skuCapacity: redisSkuCapacity
  }
}

var appId = botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId

module containerApp 'modules/containerapp.bicep' = {
  name: 'containerapp'
  params: {
    location: location
    environmentName: 'cae-${name}'
    appName: 'ca-${name}'
    logAnalyticsName: logAnalyticsName
    image: containerImage
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultUri: keyVault.outputs.uri
    registryServer: identity.outputs.registryServer
    botAppType: botAppType
    botAppId: appId
    tenantId: tenantId
    hasBotAppPassword: botAppType == 'SingleTenant' && !empty(botAppPassword)
    hasDirectLineSecret: !empty(directLineSecret)
    postgresSecretName: postgres.outputs.connectionStringSecretName
    redisSecretName: redis.outputs.configurationSecretName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    conversationRetentionDays: conversationRetentionDays
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    concurrentRequestsPerReplica: concurrentRequestsPerReplica
    cpu: cpu
    memory: memory
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: 'bot-${name}-${suffix}'
    displayName: botDisplayName
    endpoint: 'https://${containerApp.outputs.fqdn}/api/messages'
    sku: botSku
    appType: botAppType
    appId: appId
    tenantId: tenantId
    identityId: identity.outputs.id
  }
}

@description('The chat page and the staff pages')
output appUrl string = 'https://${containerApp.outputs.fqdn}'

@description('The bot\'s messaging endpoint, as registered on the Azure Bot')
output messagingEndpoint string = 'https://${containerApp.outputs.fqdn}/api/messages'

@description('The Azure Bot resource\'s name')
output botName string = bot.outputs.name

@description('The bot\'s app id (MICROSOFT_APP_ID for deploy/teams/make-package.sh)')
output botAppId string = bot.outputs.appId

output identityClientId string = identity.outputs.clientId
output keyVaultName string = keyVault.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
output containerAppName string = containerApp.outputs.name
output postgresServerName string = postgres.outputs.serverName
output redisName string = redis.outputs.name
