global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.Logging;
