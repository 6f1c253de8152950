// Azure Bot Service registration pointing at a deployed SelfServiceBot, with the Teams channel on.
//   az deployment group create -g <rg> -f deploy/azure/main.bicep -p botName=<name> appId=<entra app id> endpoint=https://<host>/api/messages
// The app's own hosting (App Service, Container Apps, a VM) is up to you; give it the same app id and its secret
// through MicrosoftAppId / MicrosoftAppPassword (never in this repository).

@description('Globally unique bot handle')
param botName string

@description('Entra ID application (client) id of the bot')
param appId string

@description('SingleTenant, MultiTenant or UserAssignedMSI')
@allowed([ 'SingleTenant', 'MultiTenant', 'UserAssignedMSI' ])
param appType string = 'SingleTenant'

@description('Tenant id for SingleTenant and UserAssignedMSI bots')
param tenantId string = subscription().tenantId

@description('Public messaging endpoint, e.g. https://bot.example.com/api/messages')
param endpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: botName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: appType == 'MultiTenant' ? null : tenantId
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
