# the token gate of the gated sparse scan: a checker command is kept when its .c file, or a
# header it includes with "..." (found beside it or in its parent), names the DMA API or USB
import os, re
GATE = re.compile(r'\bdma_(map|unmap|sync|alloc|free|pool|mapping_error)|_dma_map|\bdmam_|'
                  r'\burb\b|\busb_[a-z_]+\(|transfer_buffer|setup_packet')
INC = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
def read(p):
    try:
        with open(p, encoding='utf-8', errors='replace') as f: return f.read()
    except OSError: return None
def passes(tree, rel):
    src = read(os.path.join(tree, rel))
    if src is None: return True
    if GATE.search(src): return True
    d = os.path.dirname(os.path.join(tree, rel))
    for inc in INC.findall(src):
        for base in (d, os.path.dirname(d)):
            h = read(os.path.join(base, inc))
            if h is not None:
                if GATE.search(h): return True
                break
    return False
