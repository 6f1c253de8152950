// The container app that runs the bot: external HTTPS ingress on port 3978 (WebSockets pass through, as Direct Line
// needs), liveness and readiness probes, an HTTP scale rule, and its secrets read from Key Vault as its managed identity.

param location string
param environmentName string
param appName string
param logAnalyticsName string

@description('Image to run, e.g. myregistry.azurecr.io/selfservicebot:1.4.0')
param image string

param identityId string
param identityClientId string
param keyVaultUri string

@description('Login server of the registry to pull from with the identity; empty for a public image')
param registryServer string

@allowed([ 'UserAssignedMSI', 'SingleTenant' ])
param botAppType string
param botAppId string
param tenantId string

param hasBotAppPassword bool
param hasDirectLineSecret bool
param postgresSecretName string
param redisSecretName string
param appInsightsConnectionString string
param conversationRetentionDays int

@minValue(0)
param minReplicas int
@minValue(1)
param maxReplicas int
@description('Concurrent HTTP requests (open WebSockets included) per replica before another one is added')
param concurrentRequestsPerReplica int

@description('vCPU per replica, as text: 0.5, 1.0, 2.0')
param cpu string
param memory string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

// Versionless secret URLs: after a rotation in Key Vault the app gets the new value (on a restart, or within 30 minutes).
var keyVaultSecrets = concat(
  [
    { name: 'postgres-connection-string', vault: postgresSecretName, env: 'ConnectionStrings__SelfServiceBot' }
    { name: 'redis-configuration', vault: redisSecretName, env: 'Redis__Configuration' }
  ],
  hasBotAppPassword ? [ { name: 'bot-app-password', vault: 'bot-app-password', env: 'MicrosoftAppPassword' } ] : [],
  hasDirectLineSecret ? [ { name: 'directline-secret', vault: 'directline-secret', env: 'DirectLine__Secret' } ] : []
)

var settings = [
  { name: 'ASPNETCORE_URLS', value: 'http://+:3978' }
  // Ingress terminates TLS: the app must see https (Secure cookies, a wss:// Direct Line streamUrl).
  { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
  { name: 'Database__Provider', value: 'Postgres' }
  { name: 'Database__ConversationRetentionDays', value: string(conversationRetentionDays) }
  { name: 'MicrosoftAppType', value: botAppType }
  { name: 'MicrosoftAppId', value: botAppId }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  // Azure SDKs (and the Azure Monitor exporter) pick the user-assigned identity by this.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      secrets: [for secret in keyVaultSecrets: {
        name: secret.name
        keyVaultUrl: '${keyVaultUri}secrets/${secret.vault}'
        identity: identityId
      }]
      registries: empty(registryServer) ? [] : [ { server: registryServer, identity: identityId } ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: { cpu: json(cpu), memory: memory }
          env: concat(settings, map(keyVaultSecrets, secret => { name: secret.env, secretRef: secret.name }))
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/health/live', port: 3978 }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/health/ready', port: 3978 }
              initialDelaySeconds: 5
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-requests'
            http: { metadata: { concurrentRequests: string(concurrentRequestsPerReplica) } }
          }
        ]
      }
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
