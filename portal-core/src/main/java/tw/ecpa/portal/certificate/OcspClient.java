package tw.ecpa.portal.certificate;

import java.io.IOException;

/**
 * The transport to an OCSP responder: a DER OCSP request in, a DER OCSP response out (an HTTP POST
 * of {@code application/ocsp-request} in production). {@link OcspRevocation} builds the request and
 * checks the answer; the demo CA answers in the default run and in tests.
 */
public interface OcspClient {

  /**
   * Sends an OCSP request and returns the responder's answer.
   *
   * @throws IOException when the responder cannot be reached
   */
  byte[] send(byte[] ocspRequest) throws IOException;
}
