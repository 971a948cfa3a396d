#ifndef SKILLGATE_COPENSSL_SHIM_H
#define SKILLGATE_COPENSSL_SHIM_H
// The OpenSSL headers SkillGateVerification uses (libcrypto for certificates and signatures, libssl for
// the HTTPS certificate download). This is the only C in the project.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#endif
