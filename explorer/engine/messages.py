"""User-facing engine messages with stable ids, so that the UI can show them in any language.

A `MessageError` is a ValueError whose ``str()`` is the English sentence (scripts, the CLI and
``pytest.raises(match=...)`` see exactly the text they always saw), and which also carries the
sentence's ``code`` (a key of `MESSAGES`) and its ``values``. The UI translates the template
of ``code`` (``explorer.ui.engine_strings.engine_message``) and fills in the values, so the
engine stays Qt-free. A value that is itself engine text (a preset's title) is passed as a
`Term`, which the UI translates too; other values (numbers, a user's typed text) are data.

Templates use Qt's ``%1``..``%9`` placeholders (numbered, so a translation may reorder them).
Pure Python, no Qt.
"""

from __future__ import annotations

from explorer.placeholders import Term, fill

__all__ = ["MESSAGES", "TERMS", "MessageError", "MessageFileNotFoundError",
           "MessageIsADirectoryError", "Term", "cause", "english"]

#: Every coded message: id -> English template. The UI lists the same templates for
#: translation (tests/ui/test_engine_strings.py checks that the two lists agree).
MESSAGES: dict[str, str] = {
    # explorer.engine.geometry: a window that does not fit (the Convolution tab shows these)
    "kernel_taller_than_input": (
        "kernel height %1 is bigger than the padded input height %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_wider_than_input": (
        "kernel width %1 is bigger than the padded input width %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_bigger_than_input": (
        "kernel size %1 is bigger than the padded input size %2 (%3 + %4 + %5); use a smaller "
        "kernel or more padding"),
    "pool_padding_too_large": (
        "pooling padding %1 must be at most half the kernel size %2 (as in PyTorch): otherwise "
        "some windows hold only padding"),
    # explorer.engine.kernels: presets, cells and normalising (the Kernel lab shows these)
    "kernel_size_not_integer": "kernel size must be an integer, got %1",
    "kernel_size_range": "kernel size must be between %1 and %2, got %3",
    "sigma_not_positive": "sigma must be a positive number, got %1",
    "preset_sizes": "%1 takes sizes %2 to %3, got %4",
    "preset_fixed_size": "%1 is a fixed 3x3 kernel; it has no %2x%2 version",
    "preset_no_sigma": "%1 has no sigma",
    "cell_empty": "empty cell: type a number such as 0, -2, 0.5 or a fraction such as 1/16",
    "cell_not_a_number": (
        "%1 is not a number: use digits with an optional sign and decimal point (-2, 0.5) or a "
        "fraction a/b (1/16)"),
    "cell_divides_by_zero": "%1 divides by zero: the number under the / must not be 0",
    "cell_too_large": "%1 is too large to be a kernel weight",
    "kernel_sums_to_zero": (
        "the kernel sums to 0, so it cannot be scaled to sum to 1 (edge and Laplacian kernels "
        "sum to 0 on purpose: a flat area gives 0)"),
    "scale_not_finite": "the scale factor must be a finite number, got %1",
    # explorer.engine.kernels: kernels and kernel sets (the Kernel lab's library)
    "kernel_not_numbers": "a kernel must be a 2-D array of numbers (%1)",
    "kernel_not_2d": "a kernel is a 2-D array, got shape %1",
    "kernel_size_limits": "kernel is %1x%2; kernels go from 1x1 to %3x%3",
    "kernel_not_finite": "kernel holds NaN or infinity",
    "source_not_text": "%1 is not text (got %2)",
    "source_too_long": "%1 is longer than %2 characters",
    "source_nested_too_deeply": "%1 is not a kernel: its JSON is nested too deeply",
    "source_not_json": "%1 is not valid JSON (%2)",
    "source_problem": "%1: %2",
    "kernel_needs_name": "a kernel needs a non-empty name",
    "kernel_description_not_text": "the description of kernel %1 must be text",
    "kernel_problem": "kernel %1: %2",
    "kernel_not_square": "kernel %1 is %2x%3; kernels must be square",
    "kernel_names_repeated": "kernel names must be unique; repeated: %1",
    "set_too_many_characters": (
        "%1 is larger than the %2 characters a kernel set may have: it is not a"
        " CNN Explorer kernel set"),
    "set_not_json": "%1 is not valid JSON (line %2, column %3: %4)",
    "set_nested_too_deeply": "%1 is not a kernel set: its JSON is nested too deeply",
    "set_unusable_json": "%1 is not a usable JSON file: %2",
    "set_wrong_format": '%1 is not a CNN Explorer kernel set (no "format": "%2")',
    "set_wrong_version": (
        "%1 has kernel-set version %2; this version of CNN Explorer reads "
        "version %3"),
    "set_kernels_not_a_list": '%1: "kernels" must be a list',
    "set_item_not_an_object": "%1: kernel #%2 must be an object with name and values",
    "set_item_without_rows": '%1: kernel #%2 needs "values" as a list of rows',
    "set_item_ragged": "%1: kernel #%2 has rows of different lengths",
    "set_item_not_a_number": "%1: kernel #%2 has a value that is not a number",
    "set_item_problem": "%1: kernel #%2: %3",
    "set_names_repeated": "%1: kernel names must be unique; repeated: %2",
    "set_file_too_large": (
        "%1 is larger than the %2 bytes a kernel set may have: it is not a CNN "
        "Explorer kernel set"),
    "set_file_not_text": "%1 is not a text file (expected a JSON kernel set)",
    # explorer.ui.conv_backward: the gradient check of one weight
    "gradient_step_not_positive": "the step h must be a positive finite number, got %1",
    "weight_index_outside_kernel": "weight index %1 is outside the kernel of shape %2",
    # explorer.engine.serialize: a file that is not a model file
    "model_file_is_npy": (
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is a "
        "single NumPy array (.npy); choose a file written by Model.save or "
        "`python main.py train --out`"),
    "model_file_is_empty": (
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is an "
        "empty file; choose a file written by Model.save or `python main.py train "
        "--out`"),
    "model_file_is_text": (
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is text "
        "beginning “%2”; choose a file written by Model.save or `python main.py "
        "train --out`"),
    "model_file_is_bytes": (
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is a file "
        "whose first bytes are %2 (hexadecimal); choose a file written by "
        "Model.save or `python main.py train --out`"),
    "model_file_unreadable": (
        "%1 is not a readable model file (truncated or not an .npz made by "
        "Model.save): %2"),
    "model_file_no_format": (
        "%1 has no __format__ entry: it is an .npz archive but not a CNN Explorer "
        "model file (Model.save always writes one)"),
    "model_file_newer": (
        "%1 uses model file format %2, newer than the format %3 this version of "
        "CNN Explorer reads; update the program"),
    # explorer.engine.serialize: saving, and a model file damaged or not made by Model.save
    "model_spec_not_saved": "the model's spec cannot be saved as JSON: %1",
    "model_metadata_not_saved": "the model's metadata cannot be saved as JSON: %1",
    "model_save_no_folder": "cannot save the model: folder %1 does not exist",
    "model_file_missing": "model file %1 does not exist",
    "model_file_is_folder": "%1 is a folder, not a model file: give the path of an .npz file",
    "default_model_missing": (
        "the default model %1 has not been trained yet; produce it with "
        "`python main.py train --model lenet5 --out resources/models/default.npz`"),
    "model_zip_damaged": "its zip data is damaged or cut short",
    "model_member_not_npy": (
        "%1: member %2 is not a NumPy array (.npy); the file was not written by Model.save"),
    "model_array_twice": "%1: the array %2 is stored twice",
    "model_npy_version": "unsupported .npy format version %1",
    "model_header_unreadable": "%1: the header of %2 cannot be read: %3",
    "model_array_objects": "%1: %2 holds Python objects (dtype %3), not numbers",
    "model_array_size_mismatch": (
        "%1: %2 claims shape %3 of %4 (%5 bytes) but its member holds %6 bytes of data"),
    "model_arrays_too_large": (
        "%1 claims more than %2 bytes of arrays (%3 up to %4); CNN Explorer model files are "
        "far smaller"),
    "model_entry_missing": "%1 has no %2 entry: it was not written by Model.save",
    "model_json_wrong_array": "%1: %2 must be a 1-D uint8 array of JSON, got %3 %4",
    "model_json_too_large": "%1: %2 holds %3 bytes of JSON, more than the %4 allowed",
    "model_json_invalid": "%1: %2 is not valid JSON (%3: %4)",
    "model_format_not_one_integer": (
        "%1: __format__ must be one integer, got %2 value(s) of dtype %3"),
    "model_format_too_old": "%1: model file format %2 does not exist (formats start at 1)",
    "model_spec_not_object": "%1: the spec must be a JSON object, got %2",
    "model_metadata_not_object": "%1: metadata must be a JSON object, got %2",
    "model_spec_dtype": "%1: unsupported dtype %2 in the spec",
    "model_arrays_missing": "%1: arrays missing for %2",
    "model_arrays_unexpected": "%1: unexpected arrays %2 (not in the architecture)",
    "model_array_wrong_shape": "%1: %2 has shape %3 in the file but the architecture needs %4",
    "model_array_not_float": "%1: %2 has dtype %3, expected floats",
    "model_array_not_finite": "%1: %2 contains NaN or infinite values (a diverged model?)",
    "model_spec_unbuildable": "%1: the architecture cannot be built: %2",
    "model_spec_malformed": (
        "%1: the architecture cannot be built: the spec is malformed (%2: %3)"),
    # explorer.engine.explain_embed: a map of features that are all the same
    "features_all_equal": (
        "all %1 feature vectors are the same (the layer gives every image the same numbers, "
        "e.g. after its weights were zeroed): there is nothing to map; train or load a model "
        "first"),
    # explorer.engine.models / spec_limits: a model spec that cannot be built (also the detail
    # of model_spec_unbuildable when a model file's spec is wrong)
    "spec_unknown_model": "unknown model %1; built-in models: %2",
    "spec_wrong_type": (
        "build_model takes a model name, a spec dict or a list of layer specs, got %1"),
    "spec_no_layers": "a model spec needs a 'layers' list of layer specs",
    "spec_name_not_text": "a model spec's 'name' must be a string, got %1",
    "spec_key_not_text": "a model spec's %1 must be a string, got %2",
    "spec_layers_empty": "a model spec's 'layers' must be a non-empty list of layer specs",
    "spec_too_many_layers": "a model spec may have at most %1 layers, got %2",
    "spec_layer_not_dict": "layer %1 of the spec must be a dict with a 'type', got %2",
    "spec_layer_type_not_text": "layer %1's 'type' must be a string, got %2",
    "spec_layer_name_not_text": "layer %1's 'name' must be a string, got %2",
    "spec_layer_name_repeated": "layer name %1 is repeated or contains a dot",
    "spec_seed": (
        "seed must be a non-negative integer (the same seed gives the same model), got %1"),
    "spec_dtype": "dtype must be float32 or float64, got %1",
    "spec_unknown_init": "unknown weight initialisation %1; choose one of %2",
    "spec_init_std_not_positive": "weight_init_std must be a positive number, got %1",
    "spec_init_std_needs_normal": (
        "weight_init_std=%1 only applies to init 'normal'; %2 uses init %3 (pass "
        "init='normal' to use a fixed std)"),
    "spec_dropout_range": "dropout must be in [0, 1), got %1",
    "spec_dropout_no_layer": (
        "dropout=%1 was given but %2 has no Dropout layer (0 of its %3 layers); leave dropout "
        "unset for it"),
    "spec_layer_cannot_take_input": "layer %1 cannot take input of shape %2: %3",
    "input_wrong_shape": "%1 expects images of shape %2, got %3",
    "input_empty": "%1 got an empty batch (0 images)",
    "input_not_numbers": "images must be real numbers (float, int or bool), got dtype %1",
    "input_not_finite": (
        "images contain NaN or infinite values; pixels must be finite numbers (floats in [0, 1])"),
    "input_out_of_range": (
        "float images must have pixels in [0, 1], got values from %1 to %2; divide 0..255 images "
        "by 255 (or pass them as uint8)"),
    "layer_spec_not_dict": "a layer spec must be a dict with a 'type', got %1",
    "layer_unknown_type": "unknown layer type %1; known types: %2",
    "layer_unknown_setting": "%1 layer %2 has no setting %3; its settings are %4",
    "layer_missing_setting": "%1 layer %2 needs the setting %3",
    "layer_bad_arguments": "bad arguments for %1 layer %2: %3",
    "layer_units": "Dense units must be a positive int, got %1",
    "layer_dropout_rate": "Dropout rate must be in [0, 1), got %1",
    "layer_filters": "Conv2D filters must be a positive int, got %1",
    "layer_lrn_size": "LocalResponseNorm size must be at least 1, got %1",
    "layer_in_features": (
        "%1: spec says in_features=%2 but the input has %3 features (input shape %4)"),
    "layer_in_channels": (
        "%1: spec says in_channels=%2 but the input has %3 channels (input shape %4)"),
    "spec_last_layer_not_scores": (
        "the last layer must output class scores (N, K); %1 outputs %2: add Flatten and Dense "
        "layers"),
    "spec_input_shape": (
        "a model spec's 'input_shape' must be [channels, height, width], three integers from "
        "1 to %1, got %2"),
    "spec_input_too_large": "input_shape %1 has %2 values per image, more than the %3 allowed",
    "spec_patches_too_large": (
        "%1's im2col patches would hold %2 values per image, more than the %3 allowed"),
    "spec_too_many_params": (
        "the model would have more than %1 parameters (after layer %2: %3); this is far more "
        "than CNN Explorer can train"),
    "spec_layer_output_too_large": (
        "layer %1 would output %2 values per image (shape %3), more than the %4 allowed"),
    # explorer.engine.explain / explain_net: where Grad-CAM does not apply
    "cam_needs_spatial_layer": (
        "Grad-CAM needs a layer whose output has spatial extent (C, h, w) with h*w > 1; %1 "
        "layer %2 outputs %3"),
    "cam_no_spatial_layer": (
        "Grad-CAM needs a layer with spatial extent (an output (C, h, w) with h*w > 1); %1 "
        "has none"),
    "model_has_no_layer": "%1 has no layer %2; its layers are: %3",
    # explorer.engine.onnx_import: an ONNX file or graph the engine cannot take (%1 node %2:
    # the operator and the node's name)
    "onnx_unavailable": "ONNX support needs the onnx package: pip install 'cnn-explorer[onnx]'",
    "onnx_file_missing": "ONNX file %1 does not exist",
    "onnx_file_is_folder": "%1 is a folder, not an ONNX file",
    "onnx_file_empty": "%1 is empty, not an ONNX model",
    "onnx_file_too_large": "%1 is %2 bytes, more than an ONNX file can hold (2 GB)",
    "onnx_file_unreadable": (
        "%1 is not a readable ONNX model (truncated or another format): %2: %3"),
    "onnx_no_nodes": "%1 is not an ONNX model: it holds no graph nodes",
    "onnx_cannot_import": "%1: cannot import this ONNX model: %2",
    "onnx_tensor_negative_dims": "tensor %1 (initializer) has negative dimensions %2",
    "onnx_tensor_external": (
        "tensor %1 (initializer) keeps its data in an external file; save the model with all "
        "weights inside the .onnx file"),
    "onnx_tensor_type": "tensor %1 (initializer) has data type %2, not a real number type",
    "onnx_tensor_corrupt": (
        "tensor %1 (initializer) has shape %2 (%3 values) but holds %4 values: the file is "
        "corrupt"),
    "onnx_inputs_count": "the graph has %1 inputs (%2); the engine takes one image batch",
    "onnx_input_not_float": "input %1 must be a float tensor",
    "onnx_input_shape": (
        "input %1 has shape %2; the engine needs images (N, C, H, W) with fixed C, H and W"),
    "onnx_input_size": "input %1 has shape (N, %2, %3, %4); each of C, H, W must be 1..%5",
    "onnx_not_constant": (
        "%1 node %2: its %3 %4 must be a constant (an initializer), not computed from the "
        "input"),
    "onnx_not_shape_computation": "value %1 is not a constant shape computation",
    "onnx_constant_not_tensor": "%1 node %2: only tensor constants are supported",
    "onnx_shape_unknown": "%1 node %2: reads a value whose shape is unknown",
    "onnx_leads_nowhere": "value %1 leads nowhere: it is not the graph's output",
    "onnx_extra_output": (
        "%1 node %2: its extra output %3 is used; only the first output can be imported"),
    "onnx_domain": (
        "it uses operators of the domain %1; only standard ONNX operators can be imported"),
    "onnx_outputs_count": "the graph has %1 outputs; the engine gives one (class scores)",
    "onnx_output_shape": (
        "the graph's output has shape %1; the engine needs class scores (N, K) at the end"),
    "onnx_off_path": (
        "%1 node %2 is not on the path from the input to the output; the engine runs one "
        "chain of layers"),
    "onnx_layers_do_not_fit": "the layers do not fit together: %1",
    "onnx_param_shape": "%1 node %2: %3 has shape %4 but the layer needs %5",
    "onnx_param_not_finite": "%1 node %2: %3 contains NaN or infinite values",
    # explorer.engine.onnx_export: a model ONNX cannot express, or nowhere to write it
    "onnx_export_lrn_even": (
        "layer %1: ONNX's LRN centres a window of even size %2 one channel later than the "
        "engine (and PyTorch) do; only odd sizes can be exported"),
    "onnx_export_no_layer": "layer %1 of type %2 has no ONNX export",
    "onnx_export_no_scores": "%1 does not end with class scores (N, K); cannot export it",
    "onnx_export_no_folder": "cannot write %1: folder %2 does not exist",
    # explorer.engine.onnx_ops: one operator's refusal
    "onnx_unknown_operator": (
        "%1 node %2: the engine has no layer for the operator %3; supported: %4 and Concat of "
        "Inception branches"),
    "onnx_data_not_first": "%1 node %2 takes the image data as input %3; expected it first",
    "onnx_needs_images": "%1 node %2 needs images (N, C, H, W) but gets shape (N, %3)",
    "onnx_dilations": "%1 node %2 uses dilations %3; the engine has none",
    "onnx_strides": "%1 node %2: strides %3 must be two positive ints",
    "onnx_pads": "%1 node %2: pads %3 must be four non-negative ints",
    "onnx_auto_pad": "%1 node %2: unknown auto_pad %3",
    "onnx_grouped": (
        "%1 node %2 is a grouped convolution (group=%3); the engine has only full "
        "convolutions"),
    "onnx_no_weight": "%1 node %2 has no weight input",
    "onnx_conv_weight": (
        "%1 node %2: weight of shape %3 does not fit an input of %4 channels (expected "
        "(F, %4, KH, KW))"),
    "onnx_kernel_shape_differs": "%1 node %2: kernel_shape %3 differs from the weight's %4x%5",
    "onnx_bias_shape": "%1 node %2: bias of shape %3, expected (%4,)",
    "onnx_node_problem": "%1 node %2: %3",
    "onnx_pool_kernel": "%1 node %2: kernel_shape %3 must be two positive ints",
    "onnx_ceil_mode": "%1 node %2 uses ceil_mode=1; the engine's pooling rounds down",
    "onnx_storage_order": "%1 node %2 uses storage_order=1",
    "onnx_count_include_pad": (
        "%1 node %2 pads without counting the padding (count_include_pad=0); the engine's "
        "average pooling counts zero padding"),
    "onnx_trans_a": "%1 node %2 uses transA=1; the engine's Dense takes (N, D) inputs",
    "onnx_needs_flat": "%1 node %2 needs a flat input (N, D) but gets (N, %3)",
    "onnx_weight_not_matrix": "%1 node %2: weight of shape %3 is not a matrix",
    "onnx_dense_weight": "%1 node %2: weight of shape %3 (in, out) does not take %4 inputs",
    "onnx_matmul_left": "%1 node %2 multiplies from the left; the engine's Dense is x @ W",
    "onnx_add_bias_shape": "%1 node %2: bias of shape %3 after %4 node %5, expected (%6,)",
    "onnx_flatten_axis": "%1 node %2 flattens from axis %3; only axis 1 (N, -1) is supported",
    "onnx_reshape": "%1 node %2 reshapes to %3; only flattening to (N, -1) is supported",
    "onnx_training_mode": "%1 node %2 is in training mode; export the model in eval mode",
    "onnx_batchnorm_shapes": "%1 node %2: scale, B, mean and var must each have shape (%3,)",
    "onnx_negative_variance": "%1 node %2: the running variance has negative values",
    "onnx_lrn_size": (
        "%1 node %2: size %3; only odd sizes match the engine's LocalResponseNorm (ONNX "
        "centres even windows one channel later)"),
    "onnx_dropout_ratio": "%1 node %2: ratio %3 must be in [0, 1)",
    "onnx_reduce_axes": (
        "%1 node %2 averages over axes %3; only a mean over H and W (axes [2, 3], a global "
        "average pool) is supported"),
    "onnx_softmax_not_last": (
        "%1 node %2 is not the graph's last step; only a final softmax can be dropped (the "
        "engine applies softmax to its outputs itself)"),
    "onnx_softmax_axis": (
        "%1 node %2: a softmax over axis %3 of shape (N, %4) is not the engine's softmax over "
        "the classes"),
    "onnx_branches_do_not_meet": "the branches starting at value %1 do not meet in one Concat",
    "onnx_fork": (
        "value %1 feeds %2 nodes (%3); the engine takes branches only as its Inception module "
        "(1x1; 1x1->3x3; 1x1->5x5; 3x3 max pool->1x1, each conv followed by Relu, concatenated "
        "on channels)"),
}

#: Every `Term` the engine puts into its messages (the default names of what was read).
TERMS: tuple[str, ...] = ("the saved kernel", "kernel set", "(unnamed)", "weight", "bias",
                          "weight (B)", "bias (C)", "shape", "ratio", "axes", "scale",
                          "bias (B)", "mean", "variance")

def english(code: str, *values) -> str:
    """The English sentence of ``code`` with ``values`` in its ``%1``..``%9`` (one pass)."""
    return fill(MESSAGES[code], *values)


def cause(exc: BaseException):
    """The cause a message names as its value: a coded engine message as itself (the UI
    translates it too), any other exception as its own text."""
    return exc if isinstance(exc, MessageError) else str(exc)


class MessageError(ValueError):
    """A ValueError for the user: ``code`` (a key of `MESSAGES`), ``values`` (what fills its
    placeholders); ``str()`` is the English sentence."""

    def __init__(self, code: str, *values):
        if code not in MESSAGES:
            raise KeyError(f"no engine message {code!r}")
        super().__init__(english(code, *values))
        self.code = code
        self.values = tuple(values)

    def __reduce__(self):
        return (type(self), (self.code, *self.values))


class MessageFileNotFoundError(MessageError, FileNotFoundError):
    """A coded message about a file or folder that does not exist: callers catching
    FileNotFoundError (or OSError) still catch it."""


class MessageIsADirectoryError(MessageError, IsADirectoryError):
    """A coded message about a folder given where a file was expected."""
