# thrift_generate_cpp(OUT_VAR idl...): compiles Thrift IDL into C++ at build time, into
# ${CMAKE_CURRENT_BINARY_DIR}/thrift-gen. Generated code never enters the source tree.
function(thrift_generate_cpp out_var)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/thrift-gen)
  file(MAKE_DIRECTORY ${out_dir})
  set(sources)
  foreach(idl ${ARGN})
    get_filename_component(name ${idl} NAME_WE)
    file(STRINGS ${idl} services REGEX "^service ")
    set(outputs ${out_dir}/${name}_types.h)
    file(STRINGS ${idl} has_types REGEX "^(struct|enum) ")
    if(has_types)
      list(APPEND outputs ${out_dir}/${name}_types.cpp)
    endif()
    foreach(line ${services})
      string(REGEX REPLACE "^service +([A-Za-z0-9_]+).*" "\\1" service ${line})
      list(APPEND outputs ${out_dir}/${service}.h ${out_dir}/${service}.cpp)
    endforeach()
    add_custom_command(OUTPUT ${outputs}
      COMMAND ${THRIFT_COMMAND_PREFIX} ${THRIFT_COMPILER} --gen cpp:no_skeleton -out ${out_dir} ${idl}
      DEPENDS ${idl}
      COMMENT "thrift: ${name}.thrift"
      VERBATIM)
    foreach(f ${outputs})
      if(f MATCHES "\\.cpp$")
        list(APPEND sources ${f})
      endif()
    endforeach()
  endforeach()
  set(${out_var} ${sources} PARENT_SCOPE)
endfunction()
