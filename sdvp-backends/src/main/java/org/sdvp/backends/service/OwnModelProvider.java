package org.sdvp.backends.service;

import java.nio.file.Path;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelServiceProvider;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;

/**
 * {@code --modules torchscript:DIR} and {@code onnx:DIR}: a folder with a user's exported model and its
 * model.json, answering the one service model.json names. Chains like every backend:
 * {@code onnx:owl,torchscript:vilt,oracle}.
 */
public abstract sealed class OwnModelProvider implements ModelServiceProvider
        permits OwnModelProvider.TorchScript, OwnModelProvider.Onnx {

    @Override
    public String usage() {
        return name() + ":DIR (an exported model and its model.json, docs/own-models.md)";
    }

    @Override
    public ModelServices create(String argument, ProviderContext context) throws BackendException {
        if (argument.isBlank()) throw new BackendException(name() + " needs a model folder: " + name() + ":DIR");
        return OwnServices.of(name() + ":" + argument, OwnModel.load(Path.of(argument), name()));
    }

    /** TorchScript on DJL's PyTorch engine. */
    public static final class TorchScript extends OwnModelProvider {
        @Override
        public String name() {
            return "torchscript";
        }
    }

    /** ONNX on ONNX Runtime. */
    public static final class Onnx extends OwnModelProvider {
        @Override
        public String name() {
            return "onnx";
        }
    }
}
