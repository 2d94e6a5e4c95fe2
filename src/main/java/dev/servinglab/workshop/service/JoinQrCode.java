package dev.servinglab.workshop.service;

import io.nayuki.qrcodegen.QrCode;

/**
 * Draws a workshop's join link as a QR code in SVG, with Project Nayuki's QR Code generator: drawn on the server,
 * so the classroom needs no network.
 */
public final class JoinQrCode {

    /** The quiet zone around the code, in modules, as the standard asks. */
    private static final int BORDER = 4;

    private JoinQrCode() {}

    /** Draws a QR code of a text (the join link) as an SVG document, black on white whatever the page's theme. */
    public static String svg(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" stroke=\"none\" role=\"img\" aria-label=\"" + escape(title) + "\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
                + "<path d=\"" + path + "\" fill=\"#000000\"/>\n"
                + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
