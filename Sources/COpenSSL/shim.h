#ifndef SKILLGATE_COPENSSL_SHIM_H
#define SKILLGATE_COPENSSL_SHIM_H
// The OpenSSL headers SkillGateCrypto uses (libcrypto for certificates, signatures, digests and HMAC; libssl
// for TLS client connections). SkillGateCrypto is the only target that imports this module.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#endif
