// Log Analytics (the container apps' console logs) and Application Insights on top of it (the app's telemetry).

param location string
param logAnalyticsName string
param appInsightsName string

@description('Days Log Analytics keeps logs and Application Insights data')
@minValue(30)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    RetentionInDays: retentionInDays
  }
}

output workspaceName string = workspace.name
output appInsightsName string = appInsights.name
// Not a secret (it only lets a client send telemetry), so it is passed as a plain setting.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
