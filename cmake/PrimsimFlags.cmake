# Warnings and sanitizers as INTERFACE targets, linked PRIVATE by every project target so that
# they never leak into a consumer's flags.
add_library(primsim_warnings INTERFACE)
add_library(primsim::warnings ALIAS primsim_warnings)
target_compile_options(primsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${PRIMSIM_WARNINGS_AS_ERRORS}>:-Werror>)

add_library(primsim_sanitizers INTERFACE)
add_library(primsim::sanitizers ALIAS primsim_sanitizers)
# A fuzzing build instruments every project library for coverage and the sanitizers, so that
# the fuzzer sees inside the loader.
if(PRIMSIM_FUZZ)
  target_compile_options(primsim_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(primsim_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(PRIMSIM_SANITIZE)
  target_compile_options(primsim_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(primsim_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(PRIMSIM_SANITIZE_THREAD)
  target_compile_options(primsim_sanitizers INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(primsim_sanitizers INTERFACE -fsanitize=thread)
endif()

# Project targets link both; a helper keeps the list in one place.
function(primsim_target_defaults target)
  target_link_libraries(${target} PRIVATE primsim::warnings primsim::sanitizers)
endfunction()
