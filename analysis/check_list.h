/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/check_list.h - every check of the analysis, one per rule file (smatch's
 * check_list.h). A new rule: a row in rules/rules.def, a file check-<slug>.c defining
 * `const struct analysis_check check_<name>`, and a line here. Order does not matter.
 */
CHECK(dma_on_stack)
CHECK(usb_dma_mask)
CHECK(urb_dma_flag_missing)
CHECK(urb_dma_handle_missing)
CHECK(dma_mapping_error_unchecked)
CHECK(dma_unmap_sg_nents_mismatch)
CHECK(dma_unmap_dir_mismatch)
CHECK(dma_sync_dir_mismatch)
CHECK(dma_unmap_size_mismatch)
CHECK(dma_free_addr_mismatch)
CHECK(dma_map_sg_unchecked)
CHECK(dma_unmap_type_mismatch)
/* issue 17 */
CHECK(dma_map_vmalloc)
CHECK(urb_control_dir_mismatch)
CHECK(dma_map_invalid_area)
CHECK(dma_map_rodata)
