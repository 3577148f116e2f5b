"""The engine's coded messages as lupdate sees them: `ENGINE_MESSAGES` (code -> the English
template of `explorer.engine.messages.MESSAGES`, each wrapped in ``QT_TRANSLATE_NOOP("engine",
...)``) and `ENGINE_TERMS` (the words the engine puts into them). `explorer.ui.engine_strings`
renders them; tests/ui/test_engine_strings.py checks that both lists agree with the engine's.
Split from engine_strings.py, which lists the engine's other texts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["ENGINE_MESSAGES", "ENGINE_TERMS"]

#: The engine's coded messages (`explorer.engine.messages.MESSAGES`: a window that does not fit,
#: a kernel cell that is not a number...), the same English templates listed for lupdate.
#: ``engine_message`` translates them; tests/ui/test_engine_strings.py checks both lists agree.
ENGINE_MESSAGES: dict[str, str] = {
    "kernel_taller_than_input": QT_TRANSLATE_NOOP(
        "engine",
        "kernel height %1 is bigger than the padded input height %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_wider_than_input": QT_TRANSLATE_NOOP(
        "engine",
        "kernel width %1 is bigger than the padded input width %2 (%3 + padding %4 + %5); "
        "use a smaller kernel or more padding"),
    "kernel_bigger_than_input": QT_TRANSLATE_NOOP(
        "engine",
        "kernel size %1 is bigger than the padded input size %2 (%3 + %4 + %5); use a smaller "
        "kernel or more padding"),
    "pool_padding_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "pooling padding %1 must be at most half the kernel size %2 (as in PyTorch): otherwise "
        "some windows hold only padding"),
    "kernel_size_not_integer": QT_TRANSLATE_NOOP("engine",
                                                 "kernel size must be an integer, got %1"),
    "kernel_size_range": QT_TRANSLATE_NOOP("engine",
                                           "kernel size must be between %1 and %2, got %3"),
    "sigma_not_positive": QT_TRANSLATE_NOOP("engine", "sigma must be a positive number, got %1"),
    "preset_sizes": QT_TRANSLATE_NOOP("engine", "%1 takes sizes %2 to %3, got %4"),
    "preset_fixed_size": QT_TRANSLATE_NOOP("engine",
                                           "%1 is a fixed 3x3 kernel; it has no %2x%2 version"),
    "preset_no_sigma": QT_TRANSLATE_NOOP("engine", "%1 has no sigma"),
    "cell_empty": QT_TRANSLATE_NOOP(
        "engine", "empty cell: type a number such as 0, -2, 0.5 or a fraction such as 1/16"),
    "cell_not_a_number": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a number: use digits with an optional sign and decimal point (-2, 0.5) or a "
        "fraction a/b (1/16)"),
    "cell_divides_by_zero": QT_TRANSLATE_NOOP(
        "engine", "%1 divides by zero: the number under the / must not be 0"),
    "cell_too_large": QT_TRANSLATE_NOOP("engine", "%1 is too large to be a kernel weight"),
    "kernel_sums_to_zero": QT_TRANSLATE_NOOP(
        "engine",
        "the kernel sums to 0, so it cannot be scaled to sum to 1 (edge and Laplacian kernels "
        "sum to 0 on purpose: a flat area gives 0)"),
    "scale_not_finite": QT_TRANSLATE_NOOP("engine",
                                          "the scale factor must be a finite number, got %1"),
    "kernel_not_numbers": QT_TRANSLATE_NOOP(
        "engine",
        "a kernel must be a 2-D array of numbers (%1)"),
    "kernel_not_2d": QT_TRANSLATE_NOOP("engine", "a kernel is a 2-D array, got shape %1"),
    "kernel_size_limits": QT_TRANSLATE_NOOP(
        "engine",
        "kernel is %1x%2; kernels go from 1x1 to %3x%3"),
    "kernel_not_finite": QT_TRANSLATE_NOOP("engine", "kernel holds NaN or infinity"),
    "source_not_text": QT_TRANSLATE_NOOP("engine", "%1 is not text (got %2)"),
    "source_too_long": QT_TRANSLATE_NOOP("engine", "%1 is longer than %2 characters"),
    "source_nested_too_deeply": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a kernel: its JSON is nested too deeply"),
    "source_not_json": QT_TRANSLATE_NOOP("engine", "%1 is not valid JSON (%2)"),
    "source_problem": QT_TRANSLATE_NOOP("engine", "%1: %2"),
    "kernel_needs_name": QT_TRANSLATE_NOOP("engine", "a kernel needs a non-empty name"),
    "kernel_description_not_text": QT_TRANSLATE_NOOP(
        "engine",
        "the description of kernel %1 must be text"),
    "kernel_problem": QT_TRANSLATE_NOOP("engine", "kernel %1: %2"),
    "kernel_not_square": QT_TRANSLATE_NOOP("engine", "kernel %1 is %2x%3; kernels must be square"),
    "kernel_names_repeated": QT_TRANSLATE_NOOP(
        "engine",
        "kernel names must be unique; repeated: %1"),
    "set_too_many_characters": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is larger than the %2 characters a kernel set may have: it is not a CNN "
        "Explorer kernel set"),
    "set_not_json": QT_TRANSLATE_NOOP("engine", "%1 is not valid JSON (line %2, column %3: %4)"),
    "set_nested_too_deeply": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a kernel set: its JSON is nested too deeply"),
    "set_unusable_json": QT_TRANSLATE_NOOP("engine", "%1 is not a usable JSON file: %2"),
    "set_wrong_format": QT_TRANSLATE_NOOP(
        "engine",
        '%1 is not a CNN Explorer kernel set (no "format": "%2")'),
    "set_wrong_version": QT_TRANSLATE_NOOP(
        "engine",
        "%1 has kernel-set version %2; this version of CNN Explorer reads version %3"),
    "set_kernels_not_a_list": QT_TRANSLATE_NOOP("engine", '%1: "kernels" must be a list'),
    "set_item_not_an_object": QT_TRANSLATE_NOOP(
        "engine",
        "%1: kernel #%2 must be an object with name and values"),
    "set_item_without_rows": QT_TRANSLATE_NOOP(
        "engine",
        '%1: kernel #%2 needs "values" as a list of rows'),
    "set_item_ragged": QT_TRANSLATE_NOOP("engine", "%1: kernel #%2 has rows of different lengths"),
    "set_item_not_a_number": QT_TRANSLATE_NOOP(
        "engine",
        "%1: kernel #%2 has a value that is not a number"),
    "set_item_problem": QT_TRANSLATE_NOOP("engine", "%1: kernel #%2: %3"),
    "set_names_repeated": QT_TRANSLATE_NOOP(
        "engine",
        "%1: kernel names must be unique; repeated: %2"),
    "set_file_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is larger than the %2 bytes a kernel set may have: it is not a CNN Explorer "
        "kernel set"),
    "set_file_not_text": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a text file (expected a JSON kernel set)"),
    "gradient_step_not_positive": QT_TRANSLATE_NOOP(
        "engine", "the step h must be a positive finite number, got %1"),
    "weight_index_outside_kernel": QT_TRANSLATE_NOOP(
        "engine", "weight index %1 is outside the kernel of shape %2"),
    "model_file_is_npy": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is a "
        "single NumPy array (.npy); choose a file written by Model.save or "
        "`python main.py train --out`"),
    "model_file_is_empty": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is an "
        "empty file; choose a file written by Model.save or `python main.py train "
        "--out`"),
    "model_file_is_text": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is text "
        "beginning “%2”; choose a file written by Model.save or `python main.py "
        "train --out`"),
    "model_file_is_bytes": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a CNN Explorer model file (.npz, a zip archive): it is a file "
        "whose first bytes are %2 (hexadecimal); choose a file written by "
        "Model.save or `python main.py train --out`"),
    "model_file_unreadable": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a readable model file (truncated or not an .npz made by "
        "Model.save): %2"),
    "model_file_no_format": QT_TRANSLATE_NOOP(
        "engine",
        "%1 has no __format__ entry: it is an .npz archive but not a CNN Explorer "
        "model file (Model.save always writes one)"),
    "model_file_newer": QT_TRANSLATE_NOOP(
        "engine",
        "%1 uses model file format %2, newer than the format %3 this version of "
        "CNN Explorer reads; update the program"),
    "model_spec_not_saved": QT_TRANSLATE_NOOP(
        "engine",
        "the model's spec cannot be saved as JSON: %1"),
    "model_metadata_not_saved": QT_TRANSLATE_NOOP(
        "engine",
        "the model's metadata cannot be saved as JSON: %1"),
    "model_save_no_folder": QT_TRANSLATE_NOOP(
        "engine",
        'cannot save the model: folder %1 does not exist'),
    "model_file_missing": QT_TRANSLATE_NOOP(
        "engine",
        'model file %1 does not exist'),
    "model_file_is_folder": QT_TRANSLATE_NOOP(
        "engine",
        '%1 is a folder, not a model file: give the path of an .npz file'),
    "default_model_missing": QT_TRANSLATE_NOOP(
        "engine",
        'the default model %1 has not been trained yet; produce it with `python '
        'main.py train --model lenet5 --out resources/models/default.npz`'),
    "model_zip_damaged": QT_TRANSLATE_NOOP("engine", "its zip data is damaged or cut short"),
    "model_member_not_npy": QT_TRANSLATE_NOOP(
        "engine",
        '%1: member %2 is not a NumPy array (.npy); the file was not written by '
        'Model.save'),
    "model_array_twice": QT_TRANSLATE_NOOP(
        "engine",
        '%1: the array %2 is stored twice'),
    "model_npy_version": QT_TRANSLATE_NOOP(
        "engine",
        'unsupported .npy format version %1'),
    "model_header_unreadable": QT_TRANSLATE_NOOP(
        "engine",
        '%1: the header of %2 cannot be read: %3'),
    "model_array_objects": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 holds Python objects (dtype %3), not numbers'),
    "model_array_size_mismatch": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 claims shape %3 of %4 (%5 bytes) but its member holds %6 bytes of data'),
    "model_arrays_too_large": QT_TRANSLATE_NOOP(
        "engine",
        '%1 claims more than %2 bytes of arrays (%3 up to %4); CNN Explorer model '
        'files are far smaller'),
    "model_entry_missing": QT_TRANSLATE_NOOP(
        "engine",
        '%1 has no %2 entry: it was not written by Model.save'),
    "model_json_wrong_array": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 must be a 1-D uint8 array of JSON, got %3 %4'),
    "model_json_too_large": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 holds %3 bytes of JSON, more than the %4 allowed'),
    "model_json_invalid": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 is not valid JSON (%3: %4)'),
    "model_format_not_one_integer": QT_TRANSLATE_NOOP(
        "engine",
        '%1: __format__ must be one integer, got %2 value(s) of dtype %3'),
    "model_format_too_old": QT_TRANSLATE_NOOP(
        "engine",
        '%1: model file format %2 does not exist (formats start at 1)'),
    "model_spec_not_object": QT_TRANSLATE_NOOP(
        "engine",
        '%1: the spec must be a JSON object, got %2'),
    "model_metadata_not_object": QT_TRANSLATE_NOOP(
        "engine",
        '%1: metadata must be a JSON object, got %2'),
    "model_spec_dtype": QT_TRANSLATE_NOOP(
        "engine",
        '%1: unsupported dtype %2 in the spec'),
    "model_arrays_missing": QT_TRANSLATE_NOOP(
        "engine",
        '%1: arrays missing for %2'),
    "model_arrays_unexpected": QT_TRANSLATE_NOOP(
        "engine",
        '%1: unexpected arrays %2 (not in the architecture)'),
    "model_array_wrong_shape": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 has shape %3 in the file but the architecture needs %4'),
    "model_array_not_float": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 has dtype %3, expected floats'),
    "model_array_not_finite": QT_TRANSLATE_NOOP(
        "engine",
        '%1: %2 contains NaN or infinite values (a diverged model?)'),
    "model_spec_unbuildable": QT_TRANSLATE_NOOP(
        "engine",
        '%1: the architecture cannot be built: %2'),
    "model_spec_malformed": QT_TRANSLATE_NOOP(
        "engine",
        '%1: the architecture cannot be built: the spec is malformed (%2: %3)'),
    "features_all_equal": QT_TRANSLATE_NOOP(
        "engine",
        "all %1 feature vectors are the same (the layer gives every image the same numbers, "
        "e.g. after its weights were zeroed): there is nothing to map; train or load a model "
        "first"),
    "spec_unknown_model": QT_TRANSLATE_NOOP("engine", "unknown model %1; built-in models: %2"),
    "spec_wrong_type": QT_TRANSLATE_NOOP(
        "engine",
        "build_model takes a model name, a spec dict or a list of layer specs, got %1"),
    "spec_no_layers": QT_TRANSLATE_NOOP(
        "engine",
        "a model spec needs a 'layers' list of layer specs"),
    "spec_name_not_text": QT_TRANSLATE_NOOP(
        "engine",
        "a model spec's 'name' must be a string, got %1"),
    "spec_key_not_text": QT_TRANSLATE_NOOP("engine", "a model spec's %1 must be a string, got %2"),
    "spec_layers_empty": QT_TRANSLATE_NOOP(
        "engine",
        "a model spec's 'layers' must be a non-empty list of layer specs"),
    "spec_too_many_layers": QT_TRANSLATE_NOOP(
        "engine",
        "a model spec may have at most %1 layers, got %2"),
    "spec_layer_not_dict": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1 of the spec must be a dict with a 'type', got %2"),
    "spec_layer_type_not_text": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1's 'type' must be a string, got %2"),
    "spec_layer_name_not_text": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1's 'name' must be a string, got %2"),
    "spec_layer_name_repeated": QT_TRANSLATE_NOOP(
        "engine",
        "layer name %1 is repeated or contains a dot"),
    "spec_seed": QT_TRANSLATE_NOOP(
        "engine",
        "seed must be a non-negative integer (the same seed gives the same model), got %1"),
    "spec_dtype": QT_TRANSLATE_NOOP("engine", "dtype must be float32 or float64, got %1"),
    "spec_unknown_init": QT_TRANSLATE_NOOP(
        "engine",
        "unknown weight initialisation %1; choose one of %2"),
    "spec_init_std_not_positive": QT_TRANSLATE_NOOP(
        "engine",
        "weight_init_std must be a positive number, got %1"),
    "spec_init_std_needs_normal": QT_TRANSLATE_NOOP(
        "engine",
        "weight_init_std=%1 only applies to init 'normal'; %2 uses init %3 (pass "
        "init='normal' to use a fixed std)"),
    "spec_dropout_range": QT_TRANSLATE_NOOP("engine", "dropout must be in [0, 1), got %1"),
    "spec_dropout_no_layer": QT_TRANSLATE_NOOP(
        "engine",
        "dropout=%1 was given but %2 has no Dropout layer (0 of its %3 layers); leave "
        "dropout unset for it"),
    "spec_layer_cannot_take_input": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1 cannot take input of shape %2: %3"),
    "input_wrong_shape": QT_TRANSLATE_NOOP(
        "engine", "%1 expects images of shape %2, got %3"),
    "input_empty": QT_TRANSLATE_NOOP("engine", "%1 got an empty batch (0 images)"),
    "input_not_numbers": QT_TRANSLATE_NOOP(
        "engine", "images must be real numbers (float, int or bool), got dtype %1"),
    "input_not_finite": QT_TRANSLATE_NOOP(
        "engine",
        "images contain NaN or infinite values; pixels must be finite numbers (floats in [0, 1])"),
    "input_out_of_range": QT_TRANSLATE_NOOP(
        "engine",
        "float images must have pixels in [0, 1], got values from %1 to %2; divide 0..255 images "
        "by 255 (or pass them as uint8)"),
    "layer_spec_not_dict": QT_TRANSLATE_NOOP(
        "engine", "a layer spec must be a dict with a 'type', got %1"),
    "layer_unknown_type": QT_TRANSLATE_NOOP(
        "engine", "unknown layer type %1; known types: %2"),
    "layer_unknown_setting": QT_TRANSLATE_NOOP(
        "engine", "%1 layer %2 has no setting %3; its settings are %4"),
    "layer_missing_setting": QT_TRANSLATE_NOOP(
        "engine", "%1 layer %2 needs the setting %3"),
    "layer_bad_arguments": QT_TRANSLATE_NOOP(
        "engine", "bad arguments for %1 layer %2: %3"),
    "layer_units": QT_TRANSLATE_NOOP(
        "engine", "Dense units must be a positive int, got %1"),
    "layer_dropout_rate": QT_TRANSLATE_NOOP(
        "engine", "Dropout rate must be in [0, 1), got %1"),
    "layer_filters": QT_TRANSLATE_NOOP(
        "engine", "Conv2D filters must be a positive int, got %1"),
    "layer_lrn_size": QT_TRANSLATE_NOOP(
        "engine", "LocalResponseNorm size must be at least 1, got %1"),
    "layer_in_features": QT_TRANSLATE_NOOP(
        "engine",
        "%1: spec says in_features=%2 but the input has %3 features (input shape %4)"),
    "layer_in_channels": QT_TRANSLATE_NOOP(
        "engine",
        "%1: spec says in_channels=%2 but the input has %3 channels (input shape %4)"),
    "spec_last_layer_not_scores": QT_TRANSLATE_NOOP(
        "engine",
        "the last layer must output class scores (N, K); %1 outputs %2: add Flatten and "
        "Dense layers"),
    "spec_input_shape": QT_TRANSLATE_NOOP(
        "engine",
        "a model spec's 'input_shape' must be [channels, height, width], three integers from "
        "1 to %1, got %2"),
    "spec_input_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "input_shape %1 has %2 values per image, more than the %3 allowed"),
    "spec_patches_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "%1's im2col patches would hold %2 values per image, more than the %3 allowed"),
    "spec_too_many_params": QT_TRANSLATE_NOOP(
        "engine",
        "the model would have more than %1 parameters (after layer %2: %3); this is far more "
        "than CNN Explorer can train"),
    "spec_layer_output_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1 would output %2 values per image (shape %3), more than the %4 allowed"),
    "cam_needs_spatial_layer": QT_TRANSLATE_NOOP(
        "engine",
        "Grad-CAM needs a layer whose output has spatial extent (C, h, w) with h*w > 1; %1 "
        "layer %2 outputs %3"),
    "cam_no_spatial_layer": QT_TRANSLATE_NOOP(
        "engine",
        "Grad-CAM needs a layer with spatial extent (an output (C, h, w) with h*w > 1); %1 "
        "has none"),
    "model_has_no_layer": QT_TRANSLATE_NOOP("engine", "%1 has no layer %2; its layers are: %3"),
    "onnx_file_missing": QT_TRANSLATE_NOOP("engine", "ONNX file %1 does not exist"),
    "onnx_file_is_folder": QT_TRANSLATE_NOOP("engine", "%1 is a folder, not an ONNX file"),
    "onnx_file_empty": QT_TRANSLATE_NOOP("engine", "%1 is empty, not an ONNX model"),
    "onnx_file_too_large": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is %2 bytes, more than an ONNX file can hold (2 GB)"),
    "onnx_file_unreadable": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not a readable ONNX model (truncated or another format): %2: %3"),
    "onnx_no_nodes": QT_TRANSLATE_NOOP(
        "engine",
        "%1 is not an ONNX model: it holds no graph nodes"),
    "onnx_cannot_import": QT_TRANSLATE_NOOP("engine", "%1: cannot import this ONNX model: %2"),
    "onnx_tensor_negative_dims": QT_TRANSLATE_NOOP(
        "engine",
        "tensor %1 (initializer) has negative dimensions %2"),
    "onnx_tensor_external": QT_TRANSLATE_NOOP(
        "engine",
        "tensor %1 (initializer) keeps its data in an external file; save the model with all "
        "weights inside the .onnx file"),
    "onnx_tensor_type": QT_TRANSLATE_NOOP(
        "engine",
        "tensor %1 (initializer) has data type %2, not a real number type"),
    "onnx_tensor_corrupt": QT_TRANSLATE_NOOP(
        "engine",
        "tensor %1 (initializer) has shape %2 (%3 values) but holds %4 values: the file is "
        "corrupt"),
    "onnx_inputs_count": QT_TRANSLATE_NOOP(
        "engine",
        "the graph has %1 inputs (%2); the engine takes one image batch"),
    "onnx_input_not_float": QT_TRANSLATE_NOOP("engine", "input %1 must be a float tensor"),
    "onnx_input_shape": QT_TRANSLATE_NOOP(
        "engine",
        "input %1 has shape %2; the engine needs images (N, C, H, W) with fixed C, H and W"),
    "onnx_input_size": QT_TRANSLATE_NOOP(
        "engine",
        "input %1 has shape (N, %2, %3, %4); each of C, H, W must be 1..%5"),
    "onnx_not_constant": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: its %3 %4 must be a constant (an initializer), not computed from the "
        "input"),
    "onnx_not_shape_computation": QT_TRANSLATE_NOOP(
        "engine",
        "value %1 is not a constant shape computation"),
    "onnx_constant_not_tensor": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: only tensor constants are supported"),
    "onnx_shape_unknown": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: reads a value whose shape is unknown"),
    "onnx_leads_nowhere": QT_TRANSLATE_NOOP(
        "engine",
        "value %1 leads nowhere: it is not the graph's output"),
    "onnx_extra_output": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: its extra output %3 is used; only the first output can be imported"),
    "onnx_domain": QT_TRANSLATE_NOOP(
        "engine",
        "it uses operators of the domain %1; only standard ONNX operators can be imported"),
    "onnx_outputs_count": QT_TRANSLATE_NOOP(
        "engine",
        "the graph has %1 outputs; the engine gives one (class scores)"),
    "onnx_output_shape": QT_TRANSLATE_NOOP(
        "engine",
        "the graph's output has shape %1; the engine needs class scores (N, K) at the end"),
    "onnx_off_path": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 is not on the path from the input to the output; the engine runs one "
        "chain of layers"),
    "onnx_layers_do_not_fit": QT_TRANSLATE_NOOP("engine", "the layers do not fit together: %1"),
    "onnx_param_shape": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: %3 has shape %4 but the layer needs %5"),
    "onnx_param_not_finite": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: %3 contains NaN or infinite values"),
    "onnx_unknown_operator": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: the engine has no layer for the operator %3; supported: %4 and Concat "
        "of Inception branches"),
    "onnx_data_not_first": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 takes the image data as input %3; expected it first"),
    "onnx_needs_images": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 needs images (N, C, H, W) but gets shape (N, %3)"),
    "onnx_dilations": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 uses dilations %3; the engine has none"),
    "onnx_strides": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: strides %3 must be two positive ints"),
    "onnx_pads": QT_TRANSLATE_NOOP("engine", "%1 node %2: pads %3 must be four non-negative ints"),
    "onnx_auto_pad": QT_TRANSLATE_NOOP("engine", "%1 node %2: unknown auto_pad %3"),
    "onnx_grouped": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 is a grouped convolution (group=%3); the engine has only full "
        "convolutions"),
    "onnx_no_weight": QT_TRANSLATE_NOOP("engine", "%1 node %2 has no weight input"),
    "onnx_conv_weight": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: weight of shape %3 does not fit an input of %4 channels (expected (F, "
        "%4, KH, KW))"),
    "onnx_kernel_shape_differs": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: kernel_shape %3 differs from the weight's %4x%5"),
    "onnx_bias_shape": QT_TRANSLATE_NOOP("engine", "%1 node %2: bias of shape %3, expected (%4,)"),
    "onnx_node_problem": QT_TRANSLATE_NOOP("engine", "%1 node %2: %3"),
    "onnx_pool_kernel": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: kernel_shape %3 must be two positive ints"),
    "onnx_ceil_mode": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 uses ceil_mode=1; the engine's pooling rounds down"),
    "onnx_storage_order": QT_TRANSLATE_NOOP("engine", "%1 node %2 uses storage_order=1"),
    "onnx_count_include_pad": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 pads without counting the padding (count_include_pad=0); the engine's "
        "average pooling counts zero padding"),
    "onnx_trans_a": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 uses transA=1; the engine's Dense takes (N, D) inputs"),
    "onnx_needs_flat": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 needs a flat input (N, D) but gets (N, %3)"),
    "onnx_weight_not_matrix": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: weight of shape %3 is not a matrix"),
    "onnx_dense_weight": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: weight of shape %3 (in, out) does not take %4 inputs"),
    "onnx_matmul_left": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 multiplies from the left; the engine's Dense is x @ W"),
    "onnx_add_bias_shape": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: bias of shape %3 after %4 node %5, expected (%6,)"),
    "onnx_flatten_axis": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 flattens from axis %3; only axis 1 (N, -1) is supported"),
    "onnx_reshape": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 reshapes to %3; only flattening to (N, -1) is supported"),
    "onnx_training_mode": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 is in training mode; export the model in eval mode"),
    "onnx_batchnorm_shapes": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: scale, B, mean and var must each have shape (%3,)"),
    "onnx_negative_variance": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: the running variance has negative values"),
    "onnx_lrn_size": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: size %3; only odd sizes match the engine's LocalResponseNorm (ONNX "
        "centres even windows one channel later)"),
    "onnx_dropout_ratio": QT_TRANSLATE_NOOP("engine", "%1 node %2: ratio %3 must be in [0, 1)"),
    "onnx_reduce_axes": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 averages over axes %3; only a mean over H and W (axes [2, 3], a global "
        "average pool) is supported"),
    "onnx_softmax_not_last": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2 is not the graph's last step; only a final softmax can be dropped (the "
        "engine applies softmax to its outputs itself)"),
    "onnx_softmax_axis": QT_TRANSLATE_NOOP(
        "engine",
        "%1 node %2: a softmax over axis %3 of shape (N, %4) is not the engine's softmax "
        "over the classes"),
    "onnx_branches_do_not_meet": QT_TRANSLATE_NOOP(
        "engine",
        "the branches starting at value %1 do not meet in one Concat"),
    "onnx_fork": QT_TRANSLATE_NOOP(
        "engine",
        "value %1 feeds %2 nodes (%3); the engine takes branches only as its Inception "
        "module (1x1; 1x1->3x3; 1x1->5x5; 3x3 max pool->1x1, each conv followed by Relu, "
        "concatenated on channels)"),
    "onnx_unavailable": QT_TRANSLATE_NOOP(
        "engine",
        "ONNX support needs the onnx package: pip install 'cnn-explorer[onnx]'"),
    "onnx_export_lrn_even": QT_TRANSLATE_NOOP(
        "engine",
        "layer %1: ONNX's LRN centres a window of even size %2 one channel later than the "
        "engine (and PyTorch) do; only odd sizes can be exported"),
    "onnx_export_no_layer": QT_TRANSLATE_NOOP("engine", "layer %1 of type %2 has no ONNX export"),
    "onnx_export_no_scores": QT_TRANSLATE_NOOP(
        "engine",
        "%1 does not end with class scores (N, K); cannot export it"),
    "onnx_export_no_folder": QT_TRANSLATE_NOOP(
        "engine",
        "cannot write %1: folder %2 does not exist"),
}


#: The engine's `explorer.engine.messages.TERMS`: words it puts into its messages.
ENGINE_TERMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("engine", "the saved kernel"),
    QT_TRANSLATE_NOOP("engine", "kernel set"),
    QT_TRANSLATE_NOOP("engine", "(unnamed)"),
    QT_TRANSLATE_NOOP("engine", "weight"),
    QT_TRANSLATE_NOOP("engine", "bias"),
    QT_TRANSLATE_NOOP("engine", "weight (B)"),
    QT_TRANSLATE_NOOP("engine", "bias (C)"),
    QT_TRANSLATE_NOOP("engine", "shape"),
    QT_TRANSLATE_NOOP("engine", "ratio"),
    QT_TRANSLATE_NOOP("engine", "axes"),
    QT_TRANSLATE_NOOP("engine", "scale"),
    QT_TRANSLATE_NOOP("engine", "bias (B)"),
    QT_TRANSLATE_NOOP("engine", "mean"),
    QT_TRANSLATE_NOOP("engine", "variance"),
)
