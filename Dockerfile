# A small kalc-iac image: the Native AOT build for linux-musl-x64 on Alpine.
#   docker build -t kalc-iac .
#   docker run --rm -v "$PWD:/w" -w /w kalc-iac plan.json --aws-state aws --k8s-state k8s
FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine AS build
# The Native AOT compiler links with the system toolchain.
RUN apk add --no-cache clang lld build-base zlib-dev
WORKDIR /src
COPY . .
RUN dotnet publish src/Cli/Cli.csproj -c Release -r linux-musl-x64 -p:PublishAot=true -o /out --nologo

FROM alpine:3.22
# Libraries .NET lists for Alpine (as in its runtime-deps image); ca-certificates for live AWS and Kubernetes reads.
RUN apk add --no-cache ca-certificates libstdc++ libgcc \
    && adduser -D -u 10001 kalc
COPY --from=build /out/kalc-iac /usr/local/bin/kalc-iac
USER kalc
ENTRYPOINT ["kalc-iac"]
