// The Azure Bot resource: the registration Teams and the Bot Connector know the app by, its messaging endpoint, and the
// Teams and Direct Line channels. UserAssignedMSI (no client secret anywhere) or SingleTenant (an app registration and
// its secret).

param botName string
param displayName string
param endpoint string

@allowed([ 'F0', 'S1' ])
param sku string

@allowed([ 'UserAssignedMSI', 'SingleTenant' ])
param appType string
param appId string
param tenantId string

@description('The managed identity\'s resource id (UserAssignedMSI only)')
param identityId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Azure's Direct Line, for clients that use it; the chat page the app serves uses the app's own endpoint (/v3/directline).
resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

output name string = bot.name
output appId string = bot.properties.msaAppId
