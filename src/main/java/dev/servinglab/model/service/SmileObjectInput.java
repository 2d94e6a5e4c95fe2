package dev.servinglab.model.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import smile.classification.MLP;

/**
 * Reads serialised Smile objects, resolving classes through Smile's own class loader: in dev and test mode Quarkus
 * loads Smile in another loader than the one the JDK's default lookup would pick. Looking a class up does not
 * initialise it, so a filter set on the stream still decides before any object of it is made.
 */
public final class SmileObjectInput extends ObjectInputStream {

    /** Reads from a stream of serialised objects. */
    public SmileObjectInput(InputStream in) throws IOException {
        super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
        try {
            return Class.forName(descriptor.getName(), false, MLP.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return super.resolveClass(descriptor);
        }
    }
}
