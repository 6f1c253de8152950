// az deployment group create -g <rg> -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam
// Secrets come from the environment of the shell that deploys, never from this file:
//   export POSTGRES_ADMIN_PASSWORD=$(openssl rand -base64 24)   (keep it: a redeploy must pass the same one)
//   export CONTAINER_IMAGE=myregistry.azurecr.io/selfservicebot:1.4.0
// SingleTenant instead of UserAssignedMSI: set botAppType, botAppId and BOT_APP_PASSWORD.
using './main.bicep'

param name = 'ssbot'
param containerImage = readEnvironmentVariable('CONTAINER_IMAGE')
param containerRegistryName = readEnvironmentVariable('CONTAINER_REGISTRY_NAME', '')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param directLineSecret = readEnvironmentVariable('DIRECTLINE_SECRET', '')
param botAppType = 'UserAssignedMSI'
param botAppId = readEnvironmentVariable('BOT_APP_ID', '')
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
