# The Gatehouse gateway image: `docker build -t gatehouse:0.1.0 .` at the repository root.
# tests/Gatehouse.Deployment.Tests reads this file: it checks the ports, the user, the entry point
# and the health check against the app, and runs the build stage's commands in a temporary folder.

# ---------------------------------------------------------------------------------------------
# Build: restore from the project files alone (a cached layer until a .csproj or the central
# package versions change), then publish the host.
# ---------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

COPY ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "./"]
# Every project src/Gatehouse.Host references, directly or not (a test fails when one is missing).
COPY ["src/Gatehouse.Host/Gatehouse.Host.csproj", "src/Gatehouse.Host/"]
COPY ["src/Gatehouse.Gateway/Gatehouse.Gateway.csproj", "src/Gatehouse.Gateway/"]
COPY ["src/Gatehouse.Policy/Gatehouse.Policy.csproj", "src/Gatehouse.Policy/"]
COPY ["src/Gatehouse.Grains/Gatehouse.Grains.csproj", "src/Gatehouse.Grains/"]
COPY ["src/Gatehouse.Grains.Abstractions/Gatehouse.Grains.Abstractions.csproj", "src/Gatehouse.Grains.Abstractions/"]
COPY ["src/Gatehouse.Upstreams/Gatehouse.Upstreams.csproj", "src/Gatehouse.Upstreams/"]
COPY ["src/Gatehouse.Storage/Gatehouse.Storage.csproj", "src/Gatehouse.Storage/"]
COPY ["src/Gatehouse.ServiceDefaults/Gatehouse.ServiceDefaults.csproj", "src/Gatehouse.ServiceDefaults/"]
COPY ["src/Gatehouse.Telemetry/Gatehouse.Telemetry.csproj", "src/Gatehouse.Telemetry/"]
RUN dotnet restore src/Gatehouse.Host/Gatehouse.Host.csproj

COPY src/ src/
RUN dotnet publish src/Gatehouse.Host -c Release -o /app --no-restore

# ---------------------------------------------------------------------------------------------
# Runtime: the ASP.NET Core runtime and the published app, nothing else.
# ---------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .

# 8080: HTTP (MCP endpoints, /healthz, /readyz, /metrics, /admin).
# 11111: Orleans silo-to-silo. 30000: Orleans client gateway.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080 11111 30000

# The aspnet image's `app` user (APP_UID 1654), given by number so that Kubernetes'
# runAsNonRoot can verify it without reading /etc/passwd.
USER 1654

# The image has no curl: the app checks itself (exit 0 when /healthz answers 200).
# Kubernetes ignores HEALTHCHECK and uses the probes in k8s/base/gatehouse/deployment.yaml.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "gatehouse.dll", "healthcheck"]

ENTRYPOINT ["dotnet", "gatehouse.dll"]

# Stdio upstreams started with `npx` (Upstreams:{name}:Command "npx") need Node.js in the image.
# This image has none: HTTP upstreams, like the example in k8s/, do not need it. To add it, build a
# variant on top of this stage, e.g. in a Dockerfile of your own:
#
#   FROM gatehouse:0.1.0
#   USER root
#   COPY --from=node:20.19.0-bookworm-slim /usr/local/bin/node /usr/local/bin/node
#   COPY --from=node:20.19.0-bookworm-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
#   RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
#    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
#   USER 1654
#   # npx caches packages under $HOME; with a read-only root file system point it at a volume:
#   ENV npm_config_cache=/tmp/.npm
